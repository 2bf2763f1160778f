import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { choiceOrder, drawQuestions, promptOrder } from "./draw";
import { InvalidResponseError, scoreResponse } from "./score";
import { summarize } from "./summary";
import type { QuizQuestion } from "./types";

const pool: QuizQuestion[] = Array.from({ length: 30 }, (_, i) => ({
  id: `q${String(i).padStart(2, "0")}`,
  kind: i % 3 === 0 ? "evidence-check" : "multiple-choice",
  prompt: `Question ${i}?`,
  choices: ["Alpha", "Beta", "Gamma", "Delta"],
  answer: "Beta",
  topic: i % 2 ? "MK-7" : "MK-4",
  evidence: i % 3 === 0 ? "animal" : "background",
  cardIds: [`c${i}`],
}));

const matching: QuizQuestion = {
  id: "match",
  kind: "matching",
  prompt: "Match the forms to their half-lives.",
  choices: ["Hours", "Days"],
  answer: [
    { left: "MK-4", right: "Hours" },
    { left: "MK-7", right: "Days" },
  ],
  topic: "Half-life",
  evidence: "background",
  cardIds: ["c1", "c2"],
};

describe("drawing questions", () => {
  it("is reproducible from the seed and never repeats an item", () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(5, 10, 20), (seed, length) => {
        const first = drawQuestions(pool, length, "mixed", seed);
        expect(drawQuestions([...pool].reverse(), length, "mixed", seed)).toEqual(first);
        expect(first).toHaveLength(length);
        expect(new Set(first).size).toBe(first.length);
      }),
    );
  });

  it("differs between seeds", () => {
    const draws = new Set([1, 2, 3, 4, 5].map((seed) => drawQuestions(pool, 10, "mixed", seed).join()));
    expect(draws.size).toBeGreaterThan(1);
  });

  it("draws only evidence-check items in evidence mode, and all of them when the pool is short", () => {
    const drawn = drawQuestions(pool, 20, "evidence", 7);
    expect(drawn).toHaveLength(10);
    expect(drawn.every((id) => pool.find((q) => q.id === id)?.kind === "evidence-check")).toBe(true);
  });
});

describe("choice order", () => {
  it("contains every choice exactly once, so the answer appears once, and is stable per seed", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const question = pool[1]!;
        const order = choiceOrder(question, seed);
        expect([...order].sort()).toEqual([...question.choices].sort());
        expect(order.filter((c) => c === question.answer)).toHaveLength(1);
        expect(choiceOrder(question, seed)).toEqual(order);
      }),
    );
  });

  it("keeps True before False", () => {
    const tf: QuizQuestion = { ...pool[1]!, kind: "true-false", choices: ["True", "False"], answer: "False" };
    expect(choiceOrder(tf, 123)).toEqual(["True", "False"]);
  });

  it("orders the left-hand prompts of a matching question", () => {
    expect([...promptOrder(matching, 9)].sort()).toEqual(["MK-4", "MK-7"]);
  });
});

describe("scoring", () => {
  it("scores a single choice", () => {
    expect(scoreResponse(pool[1]!, { choice: "Beta" })).toMatchObject({ correct: true, expected: "Beta" });
    expect(scoreResponse(pool[1]!, { choice: "Gamma" })).toMatchObject({ correct: false, expected: "Beta" });
  });

  it("refuses a choice the question does not offer", () => {
    expect(() => scoreResponse(pool[1]!, { choice: "Omega" })).toThrow(InvalidResponseError);
    expect(() => scoreResponse(pool[1]!, { pairs: {} })).toThrow(InvalidResponseError);
  });

  it("counts a matching question right only when every pair is right", () => {
    const right = scoreResponse(matching, { pairs: { "MK-4": "Hours", "MK-7": "Days" } });
    expect(right.correct).toBe(true);
    const partly = scoreResponse(matching, { pairs: { "MK-4": "Hours", "MK-7": "Hours" } });
    expect(partly.correct).toBe(false);
    expect(partly.pairResults).toEqual([
      { left: "MK-4", right: "Hours", chosen: "Hours", correct: true },
      { left: "MK-7", right: "Days", chosen: "Hours", correct: false },
    ]);
    const missing = scoreResponse(matching, { pairs: { "MK-4": "Hours" } });
    expect(missing.correct).toBe(false);
    expect(missing.pairResults?.[1]?.chosen).toBeNull();
  });

  it("refuses pairs naming unknown prompts or choices, including prototype keys", () => {
    expect(() => scoreResponse(matching, { pairs: { "MK-9": "Hours" } })).toThrow(InvalidResponseError);
    expect(() => scoreResponse(matching, { pairs: { "MK-4": "Weeks" } })).toThrow(InvalidResponseError);
    const proto = JSON.parse('{"__proto__": "Hours"}') as Record<string, string>;
    expect(() => scoreResponse(matching, { pairs: proto })).toThrow(InvalidResponseError);
    expect(() => scoreResponse(matching, { choice: "Hours" })).toThrow(InvalidResponseError);
  });
});

describe("summary", () => {
  it("gives the score and per-topic and per-evidence breakdowns, weakest first", () => {
    const summary = summarize([
      { question: { topic: "MK-4", evidence: "animal" }, correct: false },
      { question: { topic: "MK-4", evidence: "background" }, correct: true },
      { question: { topic: "MK-7", evidence: "background" }, correct: true },
    ]);
    expect(summary).toMatchObject({ right: 2, total: 3, percent: 67 });
    expect(summary.byTopic).toEqual([
      { key: "MK-4", right: 1, total: 2 },
      { key: "MK-7", right: 1, total: 1 },
    ]);
    expect(summary.byEvidence[0]).toEqual({ key: "animal", right: 0, total: 1 });
  });

  it("counts questions left unanswered as missed in the score", () => {
    const summary = summarize([{ question: { topic: "MK-4", evidence: "animal" }, correct: true }], 4);
    expect(summary).toMatchObject({ right: 1, total: 4, percent: 25 });
  });
});

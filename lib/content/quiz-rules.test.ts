import { describe, expect, it } from "vitest";
import { checkQuizAnswer } from "./quiz-rules";
import type { QuizInput } from "./schema";

const base: QuizInput = {
  id: "q",
  kind: "multiple-choice",
  evidence: "animal",
  prompt: "Which?",
  choices: ["A", "B"],
  answer: "A",
  explanation: "Long enough explanation text.",
  sources: [{ document: "d", quote: "some quote" }],
  cards: ["c"],
};
const problems = (item: Partial<QuizInput>) => checkQuizAnswer({ ...base, ...item }).map((p) => p.message);

describe("checkQuizAnswer", () => {
  it("accepts one answer among distinct choices", () => {
    expect(problems({})).toEqual([]);
    expect(problems({ answer: "C" })).toEqual(['answer "C" is not among choices']);
    expect(problems({ choices: ["A", "A", "B"] })).toEqual(['choice "A" appears more than once']);
    expect(problems({ answer: undefined })).toEqual(["a multiple-choice item needs an `answer`"]);
  });

  it("requires True/False for true-false items", () => {
    expect(problems({ kind: "true-false", choices: ["True", "False"], answer: "False" })).toEqual([]);
    expect(problems({ kind: "true-false", choices: ["False", "True"], answer: "True" })).toHaveLength(1);
  });

  it("checks matching pairs instead of an answer", () => {
    const pairs = [
      { left: "K1", right: "A" },
      { left: "K2", right: "B" },
    ];
    expect(problems({ kind: "matching", answer: undefined, pairs })).toEqual([]);
    expect(problems({ kind: "matching", pairs })).toEqual(["matching items give `pairs`, not `answer`"]);
    expect(
      problems({ kind: "matching", answer: undefined, pairs: [...pairs, { left: "K1", right: "C" }] }),
    ).toEqual(['left "K1" is paired twice', '"C" is not among choices']);
    expect(problems({ pairs })).toEqual(["only matching items take `pairs` (this is multiple-choice)"]);
  });

  it("requires an evidence-check answer to name the item's own level, once", () => {
    const check = { kind: "evidence-check" as const, choices: ["Human RCT", "Rat study", "Cell culture"] };
    expect(problems({ ...check, answer: "Rat study" })).toEqual([]);
    expect(problems({ ...check, answer: "Human RCT" })).toEqual([
      'answer "Human RCT" means human-rct, but the item is labelled animal',
    ]);
    expect(problems({ ...check, choices: ["Rat study", "Mouse study"], answer: "Rat study" })).toEqual([
      'choice "Mouse study" also means animal, so the item has two right answers',
    ]);
    expect(problems({ ...check, choices: ["Natto", "Rat study"], answer: "Natto" })[0]).toMatch(
      /names no evidence level/,
    );
  });
});

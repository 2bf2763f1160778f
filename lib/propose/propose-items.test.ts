import { describe, expect, it } from "vitest";
import { isHumanLevel } from "../content/evidence-cues";
import { checkQuizAnswer } from "../content/quiz-rules";
import { cardSchema, quizSchema } from "../content/schema";
import { proposeFromSelection, proposeItems } from "./index";

const TEXT = [
  "Vitamin K2 and Muscle",
  "Menaquinone is a family of vitamin K forms found in fermented foods.",
  "A randomized trial in older adults found that 180 mcg of MK-7 daily for 8 weeks reduced cramp frequency.",
  "A Japanese rat study found that supplementing with MK-4 for five weeks increased testosterone in humans and rats alike.",
  "Animal products such as egg yolks and cheese contain MK-4, and natto contains MK-7.",
  "More research in humans is needed before a dose of 100 mcg can be recommended for people.",
  "Subscribe to our newsletter for more articles.",
  "",
  "| Feature | MK-4 | MK-7 |",
  "|---|---|---|",
  "| Half-life | A few hours. | Several days. |",
  "| Sources | Egg yolks and meat. | Natto and cheese. |",
].join("\n");

// The first proposal loads the wink-nlp model.
describe("proposeItems on an abstract", { timeout: 30_000 }, () => {
  const abstract = [
    "Vitamin K2 and arterial stiffness: a randomized trial",
    "Results: MK-7 decreased arterial stiffness by 5.8% compared with placebo in 244 women.",
    "- Egg yolks: A source of the MK-4 subtype.",
    "References",
    "1. Knapen MH, Braam LA, Drummen NE. Menaquinone-7 supplementation improves arterial stiffness in women. Thromb Haemost. 2015;113:1135-44.",
  ].join("\n");
  const set = proposeItems({ document: "abstract", text: abstract });

  it("leaves section labels out of quotes and proposes nothing from the references", () => {
    const quotes = set.cards.map((c) => c.quote);
    expect(quotes).toContain("MK-7 decreased arterial stiffness by 5.8% compared with placebo in 244 women.");
    expect(quotes.some((q) => q.includes("Knapen") || q.includes("Menaquinone-7 supplementation"))).toBe(
      false,
    );
  });

  it("reads a labelled list item that describes its label as a definition", () => {
    const card = set.cards.find((c) => c.kind === "reversed");
    expect(card).toMatchObject({ front: "Egg yolks", back: "A source of the MK-4 subtype." });
  });
});

describe("proposeItems", () => {
  const set = proposeItems({ document: "sample", text: TEXT });
  const all = [...set.cards, ...set.quiz];

  it("quotes the text verbatim at the given range", () => {
    expect(all.length).toBeGreaterThan(5);
    for (const p of all) {
      expect(TEXT.slice(p.range.start, p.range.end)).toBe(p.quote);
      for (const s of p.sources) expect(TEXT.slice(s.start, s.end)).toBe(s.quote);
    }
  });

  it("never suggests a human level for an animal sentence, nor for a research gap", () => {
    const rat = all.filter((p) => p.quote.includes("rat study"));
    expect(rat.length).toBeGreaterThan(0);
    for (const p of rat) expect(p.evidence).toBe("animal");
    const gap = all.filter((p) => p.quote.startsWith("More research"));
    for (const p of gap) expect(isHumanLevel(p.evidence)).toBe(false);
    const food = all.find((p) => p.quote.startsWith("Animal products"));
    expect(food?.evidence).not.toBe("animal");
  });

  it("makes content-valid cards and quiz items", () => {
    for (const c of set.cards) {
      const { id, kind, front, back, evidence, quote } = c;
      const parsed = cardSchema.safeParse({
        id,
        kind,
        front,
        back,
        evidence,
        sources: [{ document: "sample", quote }],
      });
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
    for (const q of set.quiz) {
      const { id, kind, prompt, choices, answer, pairs, explanation, evidence, cards, quote } = q;
      const item = {
        id,
        kind,
        prompt,
        choices,
        ...(answer ? { answer } : {}),
        ...(pairs ? { pairs } : {}),
        explanation,
        evidence,
        cards,
        sources: [{ document: "sample", quote }],
      };
      const parsed = quizSchema.safeParse(item);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      if (parsed.success) expect(checkQuizAnswer(parsed.data)).toEqual([]);
    }
  });

  it("proposes definitions as reversed cards, hides doses in cloze cards and skips boilerplate", () => {
    const reversed = set.cards.find((c) => c.kind === "reversed");
    expect(reversed?.front).toBe("Menaquinone");
    // The back says what it is without repeating the term, so both directions are questions.
    expect(reversed?.back).toBe("a family of vitamin K forms found in fermented foods.");
    expect(set.cards.some((c) => c.kind === "cloze" && c.front.includes("{{c1::180 mcg}}"))).toBe(true);
    expect(all.some((p) => p.quote.includes("newsletter") || p.quote === "Vitamin K2 and Muscle")).toBe(
      false,
    );
  });

  it("makes a card per table cell and a matching item per row, with the 'claim' caveat", () => {
    expect(set.cards.filter((c) => c.proposal === "comparison-cell")).toHaveLength(4);
    expect(set.cards.filter((c) => c.proposal === "comparison-cell").every((c) => c.caveat === "claim")).toBe(
      true,
    );
    expect(set.quiz.filter((q) => q.kind === "matching")).toHaveLength(2);
  });

  it("is deterministic for a seed", () => {
    expect(proposeItems({ document: "sample", text: TEXT }, { seed: 1 })).toEqual(set);
  });
});

describe("proposeFromSelection", () => {
  const text =
    "Intro line\n\nIn a rat study, MK-4 raised testosterone within five weeks. Natto is rich in MK-7.";

  it("quotes the selection verbatim (trimmed) with the level its cues suggest", () => {
    const start = text.indexOf("In a rat");
    const card = proposeFromSelection(
      { document: "notes", text },
      { start: start - 2, end: text.indexOf(" Natto") + 1 },
    );
    expect(card?.quote).toBe("In a rat study, MK-4 raised testosterone within five weeks.");
    expect(text.slice(card?.range.start, card?.range.end)).toBe(card?.quote);
    expect(card?.evidence).toBe("animal");
  });

  it("refuses a selection too short to quote or outside the text", () => {
    expect(proposeFromSelection({ document: "notes", text }, { start: 0, end: 3 })).toBeNull();
    expect(proposeFromSelection({ document: "notes", text }, { start: 5, end: text.length + 10 })).toBeNull();
  });
});

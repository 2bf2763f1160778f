import { describe, expect, it } from "vitest";
import { checkCardEdit } from "./card-edit";
import type { DraftItemView } from "./draft-item";
import { documentFormatOf } from "./limits";
import { planPublish } from "./publish";
import { groupQuotes } from "./quote-groups";

const BODY =
  "In a randomized controlled trial of 244 postmenopausal women, MK-7 reduced bone loss.\nIn rats, MK-4 increased muscle mass.\n";
const DOC = "u-0123456789abcdef";

function card(
  id: string,
  status: DraftItemView["status"],
  kind: "basic" | "reversed" | "cloze" = "basic",
): DraftItemView {
  return {
    id,
    position: Number(id.slice(-1)),
    status,
    origin: "proposed",
    evidenceReason: null,
    payload: {
      target: "card",
      kind,
      front: `Front ${id}`,
      back: kind === "cloze" ? "" : `Back ${id}`,
      evidence: "human-rct",
      quote: "MK-7 reduced bone loss.",
      suggested: null,
      claim: null,
      needsCheck: false,
      checkReason: null,
    },
  };
}

function question(id: string, cards: string[]): DraftItemView {
  return {
    id,
    position: 9,
    status: "accepted",
    origin: "proposed",
    evidenceReason: null,
    payload: {
      target: "quiz",
      kind: "multiple-choice",
      prompt: "What reduced bone loss?",
      choices: ["MK-7", "MK-4"],
      answer: "MK-7",
      pairs: null,
      explanation: "The trial found MK-7 reduced bone loss.",
      quotes: ["MK-7 reduced bone loss."],
      cards,
      evidence: "human-rct",
      quote: "MK-7 reduced bone loss.",
      suggested: null,
      claim: null,
      needsCheck: false,
      checkReason: null,
    },
  };
}

describe("planPublish", () => {
  it("publishes accepted cards under their own ids, mirrors reversed ones and retires what left", () => {
    const plan = planPublish(
      DOC,
      [
        card(`${DOC}.p-1`, "accepted", "reversed"),
        card(`${DOC}.p-2`, "rejected"),
        card(`${DOC}.p-3`, "accepted", "cloze"),
      ],
      { cards: [`${DOC}.p-2`, `${DOC}.p-3`], quiz: [`${DOC}.q-1`] },
    );
    expect(plan.cards.map((c) => [c.id, c.kind, c.position])).toEqual([
      [`${DOC}.p-1`, "reversed", 0],
      [`${DOC}.p-3`, "cloze", 1],
      [`${DOC}.p-1.reverse`, "reverse", 2],
    ]);
    const mirror = plan.cards[2];
    expect([mirror?.front, mirror?.back]).toEqual([`Back ${DOC}.p-1`, `Front ${DOC}.p-1`]);
    // A cloze card without a back shows its quote after the answer.
    expect(plan.cards[1]?.back).toBe("MK-7 reduced bone loss.");
    expect(JSON.parse(plan.cards[0]?.sources ?? "[]")).toEqual([
      { document: DOC, quote: "MK-7 reduced bone loss.", quoteId: expect.stringMatching(/^[0-9a-f]{12}$/) },
    ]);
    expect(plan.retireCards).toEqual([`${DOC}.p-2`]);
    expect(plan.retireQuiz).toEqual([`${DOC}.q-1`]);
  });

  it("publishes a question only with a published card it tests", () => {
    const items = [card(`${DOC}.p-1`, "accepted"), card(`${DOC}.p-2`, "rejected")];
    const plan = planPublish(
      DOC,
      [
        ...items,
        question(`${DOC}.q-1`, [`${DOC}.p-1`, `${DOC}.p-2`]),
        question(`${DOC}.q-2`, [`${DOC}.p-2`]),
      ],
      { cards: [], quiz: [] },
    );
    expect(plan.quiz.map((q) => [q.id, JSON.parse(q.cardIds)])).toEqual([[`${DOC}.q-1`, [`${DOC}.p-1`]]]);
    expect(JSON.parse(plan.quiz[0]?.answer ?? "")).toBe("MK-7");
  });
});

describe("checkCardEdit", () => {
  const input = { kind: "basic" as const, front: "What reduced bone loss?", back: "MK-7", reason: null };

  it("keeps a quote found word for word, as the document's own characters", () => {
    const result = checkCardEdit(BODY, {
      ...input,
      evidence: "background",
      quote: "MK-7  reduced\nbone loss.",
    });
    expect(result.ok && result.card.quote).toBe("MK-7 reduced bone loss.");
  });

  it("refuses a quote that is not in the document and says where it diverges", () => {
    const result = checkCardEdit(BODY, {
      ...input,
      evidence: "background",
      quote: "In a randomized controlled trial of 244 older men",
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.quote?.[0]).toMatch(/the document says “postmenopausal women/);
  });

  it("asks for a reason when a rat finding is labelled human, and accepts one", () => {
    const rat = { ...input, evidence: "human-rct" as const, quote: "In rats, MK-4 increased muscle mass." };
    const refused = checkCardEdit(BODY, rat);
    expect(refused).toMatchObject({ ok: false, needsReason: true });
    const kept = checkCardEdit(BODY, { ...rat, reason: "Confirmed later in a human trial." });
    expect(kept).toMatchObject({ ok: true, reason: "Confirmed later in a human trial." });
    // A label the cues support needs no reason, and none is stored.
    expect(checkCardEdit(BODY, { ...rat, evidence: "animal", reason: "not needed here" })).toMatchObject({
      ok: true,
      reason: null,
    });
  });

  it("requires a hidden part in a cloze front", () => {
    const result = checkCardEdit(BODY, {
      ...input,
      kind: "cloze",
      evidence: "human-rct",
      quote: "MK-7 reduced bone loss.",
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.front?.[0]).toMatch(/\{\{c1::/);
  });
});

describe("small helpers", () => {
  it("groups items quoting the same passage into one highlight", () => {
    const { quotes, groupOf } = groupQuotes([
      { id: "a", quote: "MK-7 reduced bone loss." },
      { id: "b", quote: "MK-7  reduced bone loss." },
      { id: "c", quote: "In rats, MK-4 increased muscle mass." },
    ]);
    expect(quotes.map((q) => [q.quoteId, q.citedBy])).toEqual([
      ["g0", 2],
      ["g1", 1],
    ]);
    expect(groupOf).toEqual({ a: "g0", b: "g0", c: "g1" });
  });

  it("accepts the five formats by extension only", () => {
    expect(["a.md", "B.PDF", "c.docx", "d.htm", "e.txt", "f.exe", "noext"].map(documentFormatOf)).toEqual([
      "md",
      "pdf",
      "docx",
      "html",
      "txt",
      null,
      null,
    ]);
  });
});

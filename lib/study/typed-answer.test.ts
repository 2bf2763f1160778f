import { describe, expect, it } from "vitest";
import { checkTypedAnswer, expectedAnswer } from "./typed-answer";

describe("checkTypedAnswer", () => {
  it("suggests Good for an exact answer, ignoring case, spacing and a final full stop", () => {
    const check = checkTypedAnswer("  Menaquinone-7 ", "menaquinone-7.");
    expect(check).toMatchObject({ exact: true, similarity: 1, suggested: 3 });
    expect(check.parts).toEqual([{ text: "menaquinone-7", kind: "same" }]);
  });

  it("marks a missing and an extra character and suggests Hard for a slip", () => {
    const check = checkTypedAnswer("osteocalcn", "osteocalcin");
    expect(check.suggested).toBe(2);
    expect(check.parts).toEqual([
      { text: "osteocalc", kind: "same" },
      { text: "i", kind: "missing" },
      { text: "n", kind: "same" },
    ]);
    const extra = checkTypedAnswer("matrix gla protein", "matrix gla protein");
    expect(extra.exact).toBe(true);
    const typo = checkTypedAnswer("matrixx gla protein", "matrix gla protein");
    expect(typo.parts.some((p) => p.kind === "extra" && p.text === "x")).toBe(true);
    expect(typo.suggested).toBe(2);
  });

  it("suggests Again for a wrong or empty answer", () => {
    expect(checkTypedAnswer("vitamin D", "vitamin K2").suggested).toBe(1);
    expect(checkTypedAnswer("", "vitamin K2")).toMatchObject({ suggested: 1, similarity: 0 });
  });

  it("never rewards typing the answer plus a lot more", () => {
    const check = checkTypedAnswer("K2 and also K1 and D3 and calcium", "K2");
    expect(check.similarity).toBe(0);
    expect(check.suggested).toBe(1);
  });
});

describe("expectedAnswer", () => {
  it("asks for a cloze card's hidden parts and any other card's back", () => {
    expect(
      expectedAnswer({ kind: "cloze", front: "{{c1::MK-7}} lasts longer than {{c2::MK-4::form}}", back: "" }),
    ).toBe("MK-7, MK-4");
    expect(expectedAnswer({ kind: "basic", front: "Q", back: "Answer" })).toBe("Answer");
  });
});

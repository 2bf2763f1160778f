import { describe, expect, it } from "vitest";
import { reviewEvidence, suggestQuoteEvidence } from "./quote-evidence";
import type { EvidenceLevel } from "./schema";

const rat =
  "A Japanese rat study found that supplementing with MK-4 for five weeks significantly increased testosterone.";
const trial =
  "A clinical trial on hemodialysis patients showed that K2 supplementation significantly reduced cramps.";
const item = (evidence: EvidenceLevel, ...quotes: string[]) => ({
  id: "x",
  evidence,
  sources: quotes.map((quote) => ({ quote })),
});

describe("suggestQuoteEvidence", () => {
  it("takes the strongest sentence of a quote", () => {
    expect(suggestQuoteEvidence(`${rat} This was attributed to improved testicular function.`).level).toBe(
      "animal",
    );
    expect(suggestQuoteEvidence(`Mitochondria make ATP. ${trial}`).level).toBe("human-study");
  });
});

describe("reviewEvidence", () => {
  it("fails a human label whose quotes only describe animal or cell work", () => {
    const review = reviewEvidence(item("human-rct", rat), undefined);
    expect(review.errors[0]).toMatch(
      /x is labelled human-rct but its quotes only describe animal evidence \(cues: rat\)/,
    );
    expect(
      reviewEvidence(item("meta-analysis", "In vitro (cell culture) studies"), undefined).errors,
    ).toHaveLength(1);
  });

  it("passes an honest label and a human label with a human quote among others", () => {
    expect(reviewEvidence(item("animal", rat), undefined)).toEqual({ errors: [], warnings: [] });
    expect(reviewEvidence(item("human-study", rat, trial), undefined)).toEqual({ errors: [], warnings: [] });
  });

  it("warns when a label is stronger than the cues or names no human population", () => {
    expect(reviewEvidence(item("human-rct", trial), undefined).warnings[0]).toMatch(
      /stronger than its quotes suggest/,
    );
    expect(reviewEvidence(item("animal", "Cells were cultured."), undefined).warnings).toHaveLength(1);
    expect(reviewEvidence(item("human-study", "K2 activates MGP."), undefined).warnings[0]).toMatch(
      /no quote names/,
    );
    expect(reviewEvidence(item("mechanism", rat), undefined)).toEqual({ errors: [], warnings: [] });
  });

  it("accepts a curated confirmation, which must agree with the label", () => {
    const confirmed = { evidence: "human-rct" as const, reason: "Checked against the cited trial." };
    expect(reviewEvidence(item("human-rct", rat), confirmed)).toEqual({ errors: [], warnings: [] });
    expect(reviewEvidence(item("human-study", rat), confirmed).errors[0]).toMatch(
      /evidence.yaml says human-rct/,
    );
  });
});

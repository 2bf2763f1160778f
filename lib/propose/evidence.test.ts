import { describe, expect, it } from "vitest";
import { isHumanLevel } from "../content/evidence-cues";
import { suggestSentenceEvidence } from "./evidence";

const level = (s: string, previous?: string) =>
  suggestSentenceEvidence(
    s,
    previous ? { text: previous, suggested: suggestSentenceEvidence(previous) } : undefined,
  ).level;

describe("suggestSentenceEvidence", () => {
  it("names the study design from cue words, with the words", () => {
    const s = suggestSentenceEvidence(
      "A randomized, placebo-controlled trial in 120 adults found fewer cramps.",
    );
    expect(s.level).toBe("human-rct");
    expect(s.from).toBe("cue");
    expect(s.cues.map((c) => c.word.toLowerCase())).toContain("randomized");
  });

  it("never calls a sentence naming an animal or cell model human", () => {
    expect(level("A study in mice and in older adults found higher bone density.")).toBe("animal");
    expect(level("Cultured muscle cells from human donors grew faster with MK-4.")).toBe("in-vitro");
  });

  it("does not read 'animal products' as an animal study or a research gap as human evidence", () => {
    expect(level("Vitamin K2 is found in animal products and fermented foods.")).toBe("background");
    expect(isHumanLevel(level("More research in humans is needed to confirm this effect.") as never)).toBe(
      false,
    );
  });

  it("carries a study's level to the sentence that continues it", () => {
    const rat = "A rat study found that MK-4 raised testosterone.";
    expect(level("This was attributed to the activation of CYP11A.", rat)).toBe("animal");
    const trial = "A placebo-controlled trial in older adults found fewer cramps.";
    expect(level("These studies suggest K2 may be a safe option.", trial)).toBe("human-rct");
    // A pronoun alone does not carry a human level: that would over-claim.
    expect(level("It may also help blood vessels.", trial)).toBe("mechanism");
  });

  it("files hedged or causal explanations as mechanism and definitions, foods and safety notes as background", () => {
    expect(level("Research suggests K2 might inhibit calcium channels in muscle cells.")).toBe("mechanism");
    expect(level("By activating MGP, K2 helps prevent calcium deposits in arteries.")).toBe("mechanism");
    expect(level("Natto is rich in MK-7.")).toBe("background");
    expect(level("People on warfarin should consult their doctor first.")).not.toBe("mechanism");
  });

  it("calls a dated study-list headline without a design unverified, not a guess", () => {
    expect(level("Vitamin K2 from natto improved bone mineral density – March 2011")).toBe("unverified");
    // With a design named, the design decides.
    expect(level("Vitamin K-2 (180 ug MK-7) helped both bone density and strength – RCT March 2013")).toBe(
      "human-rct",
    );
  });
});

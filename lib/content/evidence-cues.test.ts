import { describe, expect, it } from "vitest";
import { splitSentences, suggestEvidence } from "./evidence-cues";
import { evidenceOfPhrase } from "./evidence-phrases";

const level = (sentence: string) => suggestEvidence(sentence).level;

describe("suggestEvidence", () => {
  it("labels a rat study animal and reports the cue", () => {
    const s = suggestEvidence(
      "A Japanese rat study found that supplementing with MK-4 for five weeks raised testosterone.",
    );
    expect(s.level).toBe("animal");
    expect(s.cues).toEqual([{ word: "rat", level: "animal" }]);
    expect(level("Studies in mice and rodents")).toBe("animal");
  });

  it("labels cell-culture work in-vitro", () => {
    expect(level("In vitro (cell culture) studies have shown that Vitamin K2 can increase MyoD.")).toBe(
      "in-vitro",
    );
    expect(level("MK-4 also enhances the migration of muscle cells")).toBe("in-vitro");
  });

  it("labels a randomized placebo trial human-rct", () => {
    expect(level("A randomized trial found fewer cramps than in the placebo group.")).toBe("human-rct");
    expect(level("Vitamin K-2 (180 ug MK-7) helped both bone density and strength – RCT March 2013")).toBe(
      "human-rct",
    );
  });

  it("keeps unqualified trials and populations at human-study", () => {
    expect(level("A clinical trial on hemodialysis patients showed that K2 reduced cramps.")).toBe(
      "human-study",
    );
    expect(level("Observational trials suggest higher bone mineral density.")).toBe("human-study");
    expect(level("Another pilot trial showed fewer cramps.")).toBe("human-study");
  });

  it("labels meta-analyses", () => {
    expect(level("Vitamin K reduced bone fractures by 24 percent – meta-analysis – May 2019")).toBe(
      "meta-analysis",
    );
    expect(level("A systematic review of trials")).toBe("meta-analysis");
  });

  it("never labels a sentence human when it also names an animal or cell model", () => {
    const mixed = "These findings are from animal models; whether the effect occurs in humans is unknown.";
    expect(level(mixed)).toBe("animal");
    expect(level("In vivo and in vitro models in patients with sarcopenia")).toBe("animal");
    expect(level("Bone formation in the lab is aided by Vitamin K2 – meta-analysis Nov 2017")).toBe(
      "in-vitro",
    );
    expect(level("A randomized trial in rats")).toBe("animal");
  });

  it("drops human cues from sentences saying human research is still needed", () => {
    const s = suggestEvidence("These areas require further investigation in human subjects.");
    expect(s.level).toBeNull();
    expect(s.disclaimed.map((c) => c.word)).toEqual(["human"]);
  });

  it("does not read foods or longer words as cues", () => {
    expect(level("Primarily animal products: egg yolks, chicken, organ meats.")).toBeNull();
    expect(level("Pasture-Raised Animal Products")).toBeNull();
    expect(level("Regulating intracellular calcium through cellular pathways")).toBeNull();
    expect(level("Strategies for the trialist; migration of ratios")).toBeNull();
  });
});

describe("splitSentences", () => {
  it("splits on sentence ends and line breaks", () => {
    expect(splitSentences("A rat study. In humans, more work.\n- A list item")).toEqual([
      "A rat study.",
      "In humans, more work.",
      "- A list item",
    ]);
  });
});

describe("evidenceOfPhrase", () => {
  it("reads level names and evidence-check wording", () => {
    expect(evidenceOfPhrase("human-rct")).toBe("human-rct");
    expect(evidenceOfPhrase("In vitro")).toBe("in-vitro");
    expect(evidenceOfPhrase("Randomized trial in humans")).toBe("human-rct");
    expect(evidenceOfPhrase("Rat study")).toBe("animal");
    expect(evidenceOfPhrase("Cell study")).toBe("in-vitro");
    expect(evidenceOfPhrase("Proposed mechanism")).toBe("mechanism");
    expect(evidenceOfPhrase("Background fact")).toBe("background");
    expect(evidenceOfPhrase("Natto")).toBeNull();
  });
});

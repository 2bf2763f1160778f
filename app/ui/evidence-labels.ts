import { EVIDENCE_LEVELS, type EvidenceLevel } from "@/lib/content/evidence";

/**
 * How evidence levels are shown to learners. Pure data, shared by server and client components.
 * The group decides the colour family: a rat or cell finding must never look like a human result.
 */
export type EvidenceGroup = "human" | "preclinical" | "theory" | "own";

export interface EvidenceLabel {
  label: string;
  /** One line, readable on its own (used as the badge's description and in legends). */
  explanation: string;
  group: EvidenceGroup;
}

export const EVIDENCE_LABELS: Record<EvidenceLevel, EvidenceLabel> = {
  "meta-analysis": {
    label: "Meta-analysis",
    explanation: "Results pooled from several studies in people.",
    group: "human",
  },
  "human-rct": {
    label: "Human RCT",
    explanation: "A randomized controlled trial in people.",
    group: "human",
  },
  "human-study": {
    label: "Human study",
    explanation: "Another study in people (pilot, observational or not randomized): suggestive, not proof.",
    group: "human",
  },
  animal: {
    label: "Animal only",
    explanation: "Seen in animals only; not shown in people.",
    group: "preclinical",
  },
  "in-vitro": {
    label: "Cells only",
    explanation: "Seen in cells or lab tests only; not shown in animals or people.",
    group: "preclinical",
  },
  mechanism: {
    label: "Mechanism",
    explanation: "A proposed mechanism or hypothesis; no health outcome shown.",
    group: "theory",
  },
  unverified: {
    label: "Unverified claim",
    explanation: "A headline or claim that names no study design or population; not checked against a study.",
    group: "theory",
  },
  background: {
    label: "Background",
    explanation: "Settled background fact or definition.",
    group: "theory",
  },
  personal: {
    label: "Your own card",
    explanation: "Written by you — not checked against a source.",
    group: "own",
  },
};

export { EVIDENCE_LEVELS, type EvidenceLevel };

export type EvidenceCounts = Record<EvidenceLevel, number>;

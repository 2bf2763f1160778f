import {
  type CueLevel,
  type EvidenceSuggestion,
  isHumanLevel,
  isStronger,
  NON_HUMAN_LEVELS,
  splitSentences,
  suggestEvidence,
} from "./evidence-cues";
import type { EvidenceLevel, EvidenceOverride } from "./schema";

/** The strongest level any sentence of `quote` suggests, with all cues found. */
export function suggestQuoteEvidence(quote: string): EvidenceSuggestion {
  const parts = splitSentences(quote).map(suggestEvidence);
  let level: CueLevel | null = null;
  for (const part of parts) {
    if (part.level && (!level || isStronger(part.level, level))) level = part.level;
  }
  return { level, cues: parts.flatMap((p) => p.cues), disclaimed: parts.flatMap((p) => p.disclaimed) };
}

export type EvidenceReview = { errors: string[]; warnings: string[] };

const cueWords = (s: EvidenceSuggestion) => [...new Set(s.cues.map((c) => c.word.toLowerCase()))].join(", ");

/**
 * Compares an item's declared level with what its quotes suggest. The one failure is the worst
 * bug this app can have: a human (or meta-analysis) label on an item whose quotes only describe
 * animal or cell studies. Claims stronger than the cues, or human labels without any human cue,
 * are warnings. A curated entry in content/evidence.yaml is the deliberate way past both.
 */
export function reviewEvidence(
  item: { id: string; evidence: EvidenceLevel; sources: ReadonlyArray<{ quote: string }> },
  curated: EvidenceOverride | undefined,
): EvidenceReview {
  const review: EvidenceReview = { errors: [], warnings: [] };
  if (curated) {
    if (curated.evidence !== item.evidence) {
      review.errors.push(
        `${item.id} is ${item.evidence} but content/evidence.yaml says ${curated.evidence}; make them agree`,
      );
    }
    return review;
  }
  const suggestions = item.sources.map((s) => suggestQuoteEvidence(s.quote));
  const levels = suggestions.map((s) => s.level).filter((l): l is CueLevel => l !== null);
  const all: EvidenceSuggestion = {
    level: levels.reduce<CueLevel | null>((best, l) => (!best || isStronger(l, best) ? l : best), null),
    cues: suggestions.flatMap((s) => s.cues),
    disclaimed: suggestions.flatMap((s) => s.disclaimed),
  };
  const humanFound = levels.some((l) => isHumanLevel(l));
  const nonHumanFound = levels.some((l) => NON_HUMAN_LEVELS.includes(l));
  if (isHumanLevel(item.evidence) && !humanFound && nonHumanFound) {
    review.errors.push(
      `${item.id} is labelled ${item.evidence} but its quotes only describe ${all.level} evidence ` +
        `(cues: ${cueWords(all)}); use ${all.level}, or confirm with a reason in content/evidence.yaml`,
    );
  } else if (all.level && isStronger(item.evidence, all.level)) {
    review.warnings.push(
      `${item.id} is labelled ${item.evidence}, stronger than its quotes suggest (${all.level}: ${cueWords(all)})`,
    );
  } else if (!humanFound && isHumanLevel(item.evidence)) {
    const gap = all.disclaimed.length > 0 ? "; its quotes say human research is still needed" : "";
    review.warnings.push(
      `${item.id} is labelled ${item.evidence} but no quote names a human study, trial or population${gap}`,
    );
  }
  return review;
}

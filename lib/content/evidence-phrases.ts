import { suggestEvidence } from "./evidence-cues";
import { EVIDENCE_LEVELS, type EvidenceLevel } from "./schema";

// Choice wording of evidence-check quiz items that cue words alone do not cover.
const PHRASES: Array<[RegExp, EvidenceLevel]> = [
  [/\bcells?\b|\blab(?:oratory)? stud(?:y|ies)\b/i, "in-vitro"],
  [/\bmechanis(?:m|ms|tic)\b|\btheory\b|\bhypothes[ei]s\b|\bproposed\b|\bbiochemistry\b/i, "mechanism"],
  [/\bunverified\b|\bheadline\b|\bno (?:study )?design\b/i, "unverified"],
  [/\bbackground\b|\bgeneral (?:fact|knowledge)\b|\bestablished fact\b|\bdefinition\b/i, "background"],
];

/**
 * The evidence level an evidence-check choice stands for: a level name ("animal", "human-rct")
 * or a phrase such as "Randomized trial in humans", "Rat study", "Cell culture", "Proposed mechanism".
 * Returns null when the phrase is not recognisably one level.
 */
export function evidenceOfPhrase(phrase: string): EvidenceLevel | null {
  const name = phrase.trim().toLowerCase();
  const exact = EVIDENCE_LEVELS.find((level) => level === name || level.replace("-", " ") === name);
  if (exact) return exact;
  const cued = suggestEvidence(phrase).level;
  if (cued) return cued;
  return PHRASES.find(([pattern]) => pattern.test(phrase))?.[1] ?? null;
}

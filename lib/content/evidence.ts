/**
 * The fixed evidence vocabulary of the curated content. Every content card and quiz item carries
 * exactly one. Order runs from pooled human evidence to background facts. Kept free of zod so the
 * browser bundle can import it.
 */
export const CONTENT_EVIDENCE_LEVELS = [
  "meta-analysis",
  "human-rct",
  "human-study",
  "animal",
  "in-vitro",
  "mechanism",
  // A headline or assertion that names an outcome but no study design or population: it may
  // rest on people, animals or nothing, so it is labelled as unchecked rather than guessed.
  "unverified",
  "background",
] as const;
export type ContentEvidenceLevel = (typeof CONTENT_EVIDENCE_LEVELS)[number];

/**
 * Every level a stored card can carry: the content's, then "personal" for the cards a learner
 * imported into a personal deck, which nobody checked against a source (weakest, so last).
 */
export const EVIDENCE_LEVELS = [...CONTENT_EVIDENCE_LEVELS, "personal"] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

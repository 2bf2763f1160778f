/**
 * The fixed evidence vocabulary. Every card and quiz item carries exactly one.
 * Order runs from pooled human evidence to background facts. Kept free of zod so the
 * browser bundle can import it.
 */
export const EVIDENCE_LEVELS = [
  "meta-analysis",
  "human-rct",
  "human-study",
  "animal",
  "in-vitro",
  "mechanism",
  "background",
] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

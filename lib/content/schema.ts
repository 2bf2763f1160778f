import { z } from "zod";
import { CONTENT_EVIDENCE_LEVELS, EVIDENCE_LEVELS } from "./evidence";

export { EVIDENCE_LEVELS, type EvidenceLevel } from "./evidence";

/** Any stored card's level ("personal" included), e.g. for the deck page's filter. */
export const evidenceLevel = z.enum(EVIDENCE_LEVELS);
/** The levels content files may use: "personal" is only for learners' own imported cards. */
const contentEvidenceLevel = z.enum(CONTENT_EVIDENCE_LEVELS);

export const SOURCE_KINDS = ["article", "blog", "journal-abstract", "study-list"] as const;

/** Front-matter of `content/sources/<slug>.md`; the body below it is the document unchanged. */
export const sourceFrontMatter = z.strictObject({
  title: z.string().min(1),
  kind: z.array(z.enum(SOURCE_KINDS)).min(1).or(z.enum(SOURCE_KINDS)),
  author: z.string().min(1).optional(),
  publisher: z.string().min(1).optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  reference: z.string().min(1).optional(),
  originalFile: z.string().min(1),
  /** `fnv1a64:<hex>` of the body as received; `content:check` fails if the body is edited (quotes depend on it). */
  checksum: z
    .string()
    .regex(/^fnv1a64:[0-9a-f]{16}$/, "fnv1a64:<16 hex digits>")
    .optional(),
  /**
   * For a document of several kinds: where each later part starts (verbatim text of its first
   * line). Text before the first start is the first `kind`. Lets content:check tell a quote from
   * the study-list part from one in the abstract above it.
   */
  parts: z.array(z.strictObject({ kind: z.enum(SOURCE_KINDS), startsAt: z.string().min(3) })).optional(),
});
export type SourceFrontMatter = z.infer<typeof sourceFrontMatter>;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lowercase words joined by hyphens");
/** Stable ids: never reused, never renamed; learners' progress hangs on them. */
export const itemId = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, "lowercase letters, digits, '-' and '.'");

export const sourceRef = z.strictObject({
  document: slug,
  /** Verbatim text of the source (whitespace and typographic quotes are normalized when checked). */
  quote: z.string().min(8),
});
export type SourceRef = z.infer<typeof sourceRef>;

/**
 * Shown next to the evidence badge when the cited text is not itself a study report:
 * `headline`, a one-line study-list headline (design and population as that list gives them,
 * the study itself unchecked); `claim`, an article's or blog's assertion with no study cited
 * (every comparison-table cell is one). See CAVEAT_TEXT.
 */
export const CAVEAT_KINDS = ["headline", "claim"] as const;
export type CaveatKind = (typeof CAVEAT_KINDS)[number];

const common = {
  id: itemId,
  evidence: contentEvidenceLevel,
  sources: z.array(sourceRef).min(1),
  topic: z.string().min(1).optional(),
  caveat: z.enum(CAVEAT_KINDS).optional(),
  /** A retired item stays in the database for learners' history but is no longer studied. */
  retired: z.boolean().optional(),
};

export const CARD_KINDS = ["basic", "reversed", "cloze"] as const;
export const cardSchema = z.strictObject({
  ...common,
  kind: z.enum(CARD_KINDS),
  /** For cloze cards, the front holds `{{c1::hidden text}}` and the back is optional extra context. */
  front: z.string().min(3),
  back: z.string().min(1),
});
export type CardInput = z.infer<typeof cardSchema>;

export const QUIZ_KINDS = ["multiple-choice", "true-false", "matching", "evidence-check"] as const;
export const quizSchema = z.strictObject({
  ...common,
  kind: z.enum(QUIZ_KINDS),
  prompt: z.string().min(3),
  /**
   * multiple-choice / evidence-check: the options, answer is one of them.
   * true-false: ["True", "False"].
   * matching: the right-hand column; `pairs` names left → right and each right is a choice.
   */
  choices: z.array(z.string().min(1)).min(2),
  answer: z.string().min(1).optional(),
  pairs: z
    .array(z.strictObject({ left: z.string().min(1), right: z.string().min(1) }))
    .min(2)
    .optional(),
  explanation: z.string().min(20),
  /** Card ids (from any deck) this item tests; quiz results feed their schedule. */
  cards: z.array(itemId).min(1),
});
export type QuizInput = z.infer<typeof quizSchema>;

export const deckSchema = z.strictObject({
  slug,
  title: z.string().min(1),
  description: z.string().min(1),
  order: z.number().int(),
  /**
   * Card ids defined in another deck that this deck also teaches: one card, one schedule, shown
   * in every deck that includes it (instead of a second copy of the same fact).
   */
  include: z.array(itemId).optional(),
  cards: z.array(cardSchema),
  quiz: z.array(quizSchema),
});
export type DeckInput = z.infer<typeof deckSchema>;

/**
 * `content/tables.yaml`: which deck receives the cards and quiz items generated from each
 * comparison table of a source, and the evidence level of cells whose text names no study design.
 */
export const tableAssignment = z.strictObject({
  document: slug,
  /** 1-based position of the table in the document. */
  table: z.number().int().min(1),
  deck: slug,
  evidence: contentEvidenceLevel,
  topic: z.string().min(1).optional(),
});
export const tablesConfig = z.strictObject({
  tables: z.array(tableAssignment),
  /** Generated ids that learners should no longer study (kept for their history). */
  retired: z.array(itemId).optional(),
});
export type TableAssignment = z.infer<typeof tableAssignment>;
export type TablesConfig = z.infer<typeof tablesConfig>;

/**
 * `content/evidence.yaml`: curated evidence per item id. For a generated item it sets the level;
 * for a deck item it must repeat the deck's level and confirms it against the cue check.
 */
export const evidenceOverride = z.strictObject({
  evidence: contentEvidenceLevel,
  reason: z.string().min(10),
});
export const evidenceOverrides = z.record(itemId, evidenceOverride);
export type EvidenceOverride = z.infer<typeof evidenceOverride>;

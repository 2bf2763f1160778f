/**
 * The contract between the proposal engine (lib/propose) and its callers: the app's review screen
 * and `npm run content:propose`. Cards and quiz items have the shape of content:export's items
 * (lib/content/schema.ts `CardInput` / `QuizInput`) plus what an author needs to judge them:
 * the verbatim quote with its character range, the suggested level with the cue words behind it,
 * and a `needsCheck` flag. Changes to these types are announced in commit messages.
 */

import type { ContentEvidenceLevel } from "../content/evidence";
import type { EvidenceCue } from "../content/evidence-cues";
import type { QuoteRange } from "../content/quotes";
import type { CaveatKind } from "../content/schema";

/** What made the proposal; several kinds share one content kind (a comparison cell is a basic card). */
export const PROPOSAL_KINDS = [
  "basic",
  "cloze",
  "reversed",
  "comparison-cell",
  "multiple-choice",
  "true-false",
  "matching",
  "evidence-check",
] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** Why a sentence was proposed. */
export const CLAIM_KINDS = [
  "finding",
  "number",
  "dose",
  "comparison",
  "food-source",
  "safety",
  "definition",
  "table-cell",
  "table-row",
  /** Any other declarative sentence with a verb (an explanation, a general fact). */
  "statement",
] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/**
 * A verbatim quote: `text.slice(start, end) === quote` always holds for the text that was proposed
 * from (the extracted, normalized document text), so it can be highlighted and re-verified.
 */
export type ProposalSource = { document: string; quote: string } & QuoteRange;

/** The suggested evidence level and what led to it. */
export type SuggestedEvidence = {
  level: ContentEvidenceLevel;
  /**
   * `cue`: cue words of a study design, population or model in the quote (lib/content/evidence-cues);
   * `context`: the cue words of the study the sentence continues ("These studies suggest …");
   * `hedge`: hedged or causal wording without a study ("may", "theory", "helps prevent") → mechanism;
   * `default`: no study named → background (definitions, foods, doses, safety notes, facts).
   */
  from: "cue" | "context" | "hedge" | "default";
  /** The cue words (with their level) that led to `level`; empty for `default`. */
  cues: EvidenceCue[];
  /** Human cues that were ignored because the text says human research is still needed. */
  disclaimed: EvidenceCue[];
  /** For `hedge` and background rules: the words that decided ("may", "helps prevent", "found in"). */
  wording?: string[];
};

type ProposalMeta = {
  /** Stable for the same document text and options: `<document>.p-<hash>`. */
  id: string;
  proposal: ProposalKind;
  claim: ClaimKind;
  /** The sources' evidence level as content items carry it (same as `suggested.level`). */
  evidence: ContentEvidenceLevel;
  suggested: SuggestedEvidence;
  /** The main quote (same as `sources[0]`); a matching item lists every cell in `sources`. */
  quote: string;
  range: QuoteRange;
  sources: ProposalSource[];
  /** True when the author must verify it before publishing, e.g. a true/false made by swapping terms. */
  needsCheck: boolean;
  /** Why `needsCheck` is set, in one sentence for the author. */
  checkReason?: string;
  topic?: string;
  /**
   * As content items carry it (lib/content/schema.ts CAVEAT_KINDS): `claim` for a table cell
   * (the document's own summary, no study named), `headline` for a dated study-list line.
   */
  caveat?: CaveatKind;
};

export type CardProposal = ProposalMeta & {
  target: "card";
  kind: "basic" | "reversed" | "cloze";
  /** For cloze cards, `{{c1::hidden}}` inside the front; back holds the full sentence. */
  front: string;
  back: string;
};

export type QuizProposal = ProposalMeta & {
  target: "quiz";
  kind: "multiple-choice" | "true-false" | "matching" | "evidence-check";
  prompt: string;
  choices: string[];
  /** Absent for matching items, which give `pairs`. */
  answer?: string;
  pairs?: Array<{ left: string; right: string }>;
  explanation: string;
  /** Ids of the card proposals this item tests (always at least one). */
  cards: string[];
};

export type Proposal = CardProposal | QuizProposal;

export type ProposeInput = {
  /** Slug or id of the document; used in ids and `sources[].document`. */
  document: string;
  title?: string;
  /** The normalized text (lib/documents output); GFM pipe tables in it are read as comparison tables. */
  text: string;
};

export type ProposeOptions = {
  /** Seed for the order of choices in quiz items; same seed, same output. Default 1. */
  seed?: number;
  /** Which kinds to make; default all. */
  kinds?: readonly ProposalKind[];
};

export type ProposalSet = {
  document: string;
  cards: CardProposal[];
  quiz: QuizProposal[];
  /** Counts for the UI and the benchmark. */
  stats: { sentences: number; claims: number; skipped: number; tables: number };
};

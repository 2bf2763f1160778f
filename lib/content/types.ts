import type { ContentIssue } from "./issues";
import type { QuoteRange } from "./quotes";
import type { CardInput, DeckInput, QuizInput } from "./schema";
import type { SourceDocument } from "./source-file";

/** A cited quote, resolved against its document. */
export type CitedSource = {
  document: string;
  quote: string;
  /** For links: `/sources/<document>#q=<quoteId>`. */
  quoteId: string;
  /** Where the quote sits in the document body; null only when the build reported an error. */
  range: QuoteRange | null;
};

/** Where an item is defined: its deck file, or for generated items the table cell in the source. */
export type Origin = { file: string; line: number };

type Built = {
  /** Slug of the deck the item belongs to. */
  deck: string;
  sources: CitedSource[];
  /** True for items generated from a comparison table (see content/tables.yaml). */
  generated: boolean;
  origin: Origin;
  /** What to show next to the evidence badge (see CAVEAT_KINDS), or null. */
  caveatText: string | null;
};

export type Card = Omit<CardInput, "sources"> & Built;
export type QuizItem = Omit<QuizInput, "sources"> & Built;

export type Deck = Omit<DeckInput, "cards" | "quiz"> & {
  file: string;
  /** Curated cards first, then generated ones; retired items included (check `retired`). */
  cards: Card[];
  quiz: QuizItem[];
  /** Ids of cards defined in other decks that this deck also teaches (active cards only). */
  include: string[];
};

/** Everything under content/, validated. Content is usable only when `errors` is empty. */
export type ContentBuild = {
  documents: SourceDocument[];
  decks: Deck[];
  errors: ContentIssue[];
  warnings: ContentIssue[];
};

/** One input file: path relative to the repository root, and its text. */
export type ContentFile = { path: string; text: string };

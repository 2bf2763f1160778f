/** Types of package-read.mjs (plain JavaScript for the .apkg worker thread). */

export const APKG_LIMITS: Readonly<{
  maxBytes: number;
  maxCollectionBytes: number;
  maxEntries: number;
  maxCards: number;
  maxReviews: number;
  maxFieldLength: number;
  maxTags: number;
  maxTagLength: number;
}>;

/** One answer from Anki's review log, as FSRS reads it. */
export interface AnkiReview {
  /** When it was answered, ms since the epoch (the revlog id). */
  at: number;
  rating: 1 | 2 | 3 | 4;
  durationMs: number;
}

/** An Anki card's scheduling as stored, with times made absolute. */
export interface AnkiCardData {
  /** 0 new, 1 learning, 2 review, 3 relearning. */
  type: number;
  queue: number;
  /** Due time in ms since the epoch; null for a new card. */
  due: number | null;
  /** Days. */
  interval: number;
  reps: number;
  lapses: number;
  /** FSRS memory state Anki kept in the card's data, when it had one. */
  stability: number | null;
  difficulty: number | null;
  history: AnkiReview[];
}

/** One Retain card (with its mirror for a reversed note) read from a package. */
export interface PackageCard {
  kind: "basic" | "reversed" | "cloze";
  front: string;
  back: string;
  tags: string[];
  forward: AnkiCardData;
  mirror: AnkiCardData | null;
}

export interface PackageContents {
  deckName: string | null;
  cards: PackageCard[];
  skipped: { otherNoteTypes: number; tooLong: number; empty: number };
  media: { files: number; references: number };
}

export type PackageReading = PackageContents | { refused: string };

export function readPackage(bytes: Uint8Array): PackageReading;

/** Types of package-read.mjs (plain JavaScript for the .apkg worker thread). */

export const APKG_LIMITS: Readonly<{
  maxBytes: number;
  maxCollectionBytes: number;
  maxEntries: number;
  maxUnpackedBytes: number;
  maxPictures: number;
  maxPictureBytes: number;
  maxMediaMapBytes: number;
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
  /** The media name of the picture its front field shows first (a Retain card shows one), if any. */
  image: string | null;
}

/** A picture the imported cards show, inflated; its type is not checked yet. */
export interface PackagePictureFile {
  name: string;
  bytes: Uint8Array;
}

export interface PackageContents {
  deckName: string | null;
  cards: PackageCard[];
  skipped: { otherNoteTypes: number; tooLong: number; empty: number };
  media: {
    pictures: PackagePictureFile[];
    /** Names the cards show that the package does not hold (or holds unreadable). */
    missing: string[];
    /** Names whose stated size is over the picture size Retain keeps: not inflated. */
    tooLarge: string[];
    /** Pictures the imported cards cannot show: after a front field's first, or in the answer field. */
    unshown: number;
    /** [sound:…] references: Retain cards have no audio. */
    sounds: number;
  };
}

export type PackageReading = PackageContents | { refused: string };

export function readPackage(bytes: Uint8Array, options: { maxPictureFileBytes: number }): PackageReading;

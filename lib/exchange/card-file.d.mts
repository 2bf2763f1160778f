/** Types of card-file.mjs (plain JavaScript for the card import's worker thread). */
import type { Delimiter } from "./delimited.mjs";

export const CARD_IMPORT_LIMITS: Readonly<{
  maxBytes: number;
  maxCards: number;
  maxFieldLength: number;
  maxTags: number;
  maxTagLength: number;
  maxProblemLines: number;
  maxBlankLines: number;
  maxMetaLines: number;
}>;

export interface ImportedCard {
  line: number;
  /** "cloze" when the front holds {{c1::…}}. */
  kind: "basic" | "cloze";
  front: string;
  back: string;
  tags: string[];
}

export interface ImportIssue {
  /** 1-based line of the file; null for the file as a whole (nothing can be imported then). */
  line: number | null;
  message: string;
}

/** A row with the same front and back as an earlier card: skipped. */
export interface RepeatedRow {
  line: number;
  firstLine: number;
}

export interface CardFile {
  delimiter: Delimiter;
  /** The first row named the columns (or Anki's "#columns:" line did). */
  header: boolean;
  /** The cards read, in order, each front and back once. */
  cards: ImportedCard[];
  /** Problems of the file as a whole first (line null), then by line. */
  errors: ImportIssue[];
  /** Lines with problems (at most CARD_IMPORT_LIMITS.maxProblemLines: reading stops there). */
  problemLines: number;
  /** The first repeated rows (up to maxProblemLines) and how many there are. */
  duplicates: RepeatedRow[];
  duplicateCount: number;
  /** The file was read to its end; false when reading stopped at a limit or an unclosed quote. */
  complete: boolean;
  /** A separator that splits the file into columns where the one used leaves one column. */
  suggestedDelimiter: Delimiter | null;
}

export function readCardFile(text: string, delimiter?: Delimiter): CardFile;

export function importableCards(
  file: CardFile,
  skipProblemLines: boolean,
): { ok: true; cards: ImportedCard[] } | { ok: false; message: string };

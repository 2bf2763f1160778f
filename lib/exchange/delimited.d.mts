/** Types of delimited.mjs (plain JavaScript for the card import's worker thread). */
export type Delimiter = "," | ";" | "\t";
export const DELIMITERS: readonly Delimiter[];
export const DELIMITER_NAMES: Record<Delimiter, string>;

export interface DelimitedRecord {
  fields: string[];
  /** 1-based line of the file where the record starts. */
  line: number;
}

export interface DelimitedIssue {
  line: number;
  message: string;
  /** Nothing after it was read (an unclosed quote takes the rest of the text). */
  final?: true;
}

export function delimitedRecords(
  text: string,
  delimiter: Delimiter,
  firstLine?: number,
): Generator<DelimitedRecord | { error: DelimitedIssue }, void, undefined>;

export function parseDelimited(
  text: string,
  delimiter: Delimiter,
  firstLine?: number,
): { records: DelimitedRecord[]; errors: DelimitedIssue[] };

export function splitScore(sample: string, delimiter: Delimiter): number;
export function detectDelimiter(text: string): Delimiter;

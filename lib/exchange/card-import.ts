import { type DelimitedIssue, type Delimiter, detectDelimiter, parseDelimited } from "./delimited";

/**
 * Reading a learner's card file (CSV or TSV: front, back, optional tags) into cards, or into
 * errors that name their line. Nothing here writes: the preview shows this result, and the import
 * writes only a file that comes back without errors.
 */

export const CARD_IMPORT_LIMITS = {
  /** Checked on the file's size before it is read. */
  maxBytes: 5 * 1024 * 1024,
  maxCards: 5000,
  maxFieldLength: 2000,
  maxTags: 10,
  maxTagLength: 40,
} as const;

export interface ImportedCard {
  line: number;
  front: string;
  back: string;
  tags: string[];
}

export interface ImportIssue {
  /** 1-based line of the file; null for the file as a whole. */
  line: number | null;
  message: string;
}

export interface CardFile {
  delimiter: Delimiter;
  /** The first row named the columns. */
  header: boolean;
  cards: ImportedCard[];
  errors: ImportIssue[];
}

type Column = "front" | "back" | "tags";
const COLUMN_NAMES: Record<string, Column> = {
  front: "front",
  question: "front",
  back: "back",
  answer: "back",
  tags: "tags",
  tag: "tags",
};

// Anki's own exports start with lines such as "#separator:tab" and "#html:false".
const META_LINE = /^#([a-z ]+):(.*)$/i;
const SEPARATORS: Record<string, Delimiter> = {
  tab: "\t",
  comma: ",",
  semicolon: ";",
  "\t": "\t",
  ",": ",",
  ";": ";",
};
// A tag is one word: letters, digits and _ - : . (Anki's "a::b" hierarchy included).
const TAG = /^[\p{L}\p{N}_\-:.]+$/u;

const plural = (n: number, word: string) => `${n.toLocaleString("en-GB")} ${word}${n === 1 ? "" : "s"}`;

interface MetaLines {
  lines: number;
  offset: number;
  separator: Delimiter | null;
  /** "#columns:" (split later, with the separator) and "#tags column:" (1-based). */
  columns: string | null;
  tagsColumn: number | null;
}

/** Leading "#key:value" lines (Anki's file headers): how many lines they take and what they say. */
function metaLines(text: string): MetaLines {
  const meta: MetaLines = {
    lines: 0,
    offset: text.startsWith("\uFEFF") ? 1 : 0,
    separator: null,
    columns: null,
    tagsColumn: null,
  };
  for (;;) {
    const end = text.indexOf("\n", meta.offset);
    const match = META_LINE.exec(text.slice(meta.offset, end === -1 ? text.length : end).replace(/\r$/, ""));
    if (!match) break;
    const key = match[1]?.trim().toLowerCase();
    const value = match[2] ?? "";
    if (key === "separator") meta.separator = SEPARATORS[value.trim().toLowerCase()] ?? meta.separator;
    if (key === "columns") meta.columns = value;
    if (key === "tags column" && /^\s*\d+\s*$/.test(value)) meta.tagsColumn = Number(value);
    meta.lines += 1;
    meta.offset = end === -1 ? text.length : end + 1;
    if (end === -1) break;
  }
  return meta;
}

/** Columns an Anki file names in its header lines; its other fields (Evidence, Source, …) are skipped. */
function ankiColumns(meta: MetaLines, delimiter: Delimiter): (Column | null)[] | null {
  if (meta.columns === null) return null;
  const names = parseDelimited(meta.columns, delimiter).records[0]?.fields ?? [];
  const columns = names.map((name, i) =>
    i + 1 === meta.tagsColumn ? "tags" : (COLUMN_NAMES[name.trim().toLowerCase()] ?? null),
  );
  return columns.includes("front") && columns.includes("back") ? columns : null;
}

/** The column of each field, from a header row, or null when the first row is a card. */
function headerColumns(fields: readonly string[]): (Column | null)[] | null {
  const names = fields.map((field) => field.trim().toLowerCase());
  const columns = names.map((name) => COLUMN_NAMES[name] ?? null);
  return columns.includes("front") && columns.includes("back") ? columns : null;
}

function splitTags(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}

function cardIssues(card: ImportedCard, width: number, expected: number): string[] {
  const limit = CARD_IMPORT_LIMITS.maxFieldLength;
  const problems: string[] = [];
  if (width > expected)
    problems.push(`${plural(width, "column")} where at most ${expected} are expected (front, back, tags).`);
  if (!card.front) problems.push("The front is empty.");
  if (!card.back) problems.push("The back is empty.");
  if (card.front.length > limit) problems.push(`The front is longer than ${plural(limit, "character")}.`);
  if (card.back.length > limit) problems.push(`The back is longer than ${plural(limit, "character")}.`);
  if (card.tags.length > CARD_IMPORT_LIMITS.maxTags)
    problems.push(`${plural(card.tags.length, "tag")}; at most ${CARD_IMPORT_LIMITS.maxTags} are allowed.`);
  const bad = card.tags.find((tag) => !TAG.test(tag) || tag.length > CARD_IMPORT_LIMITS.maxTagLength);
  if (bad)
    problems.push(
      `The tag "${bad.slice(0, 50)}" is not one word of letters, digits, _ - : or . (up to ${CARD_IMPORT_LIMITS.maxTagLength} characters).`,
    );
  return problems;
}

/**
 * Reads a card file. The delimiter is the one asked for, else the one an Anki "#separator:" line
 * names, else the one detected; a first row naming front and back (in any order, tags optional)
 * is a header. Blank lines are skipped.
 */
export function readCardFile(text: string, delimiter?: Delimiter): CardFile {
  const meta = metaLines(text);
  const body = text.slice(meta.offset);
  const chosen = delimiter ?? meta.separator ?? detectDelimiter(body);
  const parsed = parseDelimited(body, chosen, meta.lines + 1);
  const errors: ImportIssue[] = parsed.errors.map((issue: DelimitedIssue) => ({ ...issue }));
  const records = parsed.records.filter((record) => record.fields.some((field) => field.trim() !== ""));

  const fromAnki = ankiColumns(meta, chosen);
  const first = fromAnki ? undefined : records[0];
  const named = first ? headerColumns(first.fields) : null;
  if (first && !named) {
    const looksLikeHeader = first.fields.some((f) => /^(front|back|tags?)$/.test(f.trim().toLowerCase()));
    if (looksLikeHeader)
      errors.push({
        line: first.line,
        message: "This looks like a header, but it needs both a front and a back column.",
      });
  }
  if (named) {
    const stray = first?.fields.find((_, i) => named[i] === null);
    if (stray !== undefined)
      errors.push({
        line: first?.line ?? 1,
        message: `Unknown column "${stray.trim().slice(0, 40)}": name the columns front, back and tags.`,
      });
  }
  const columns: (Column | null)[] = fromAnki ?? named ?? ["front", "back", "tags"];
  const rows = named ? records.slice(1) : records;

  const cards: ImportedCard[] = [];
  for (const record of rows) {
    const value = (column: Column) => {
      const index = columns.indexOf(column);
      return index === -1 ? "" : (record.fields[index] ?? "").trim();
    };
    const card: ImportedCard = {
      line: record.line,
      front: value("front"),
      back: value("back"),
      tags: splitTags(value("tags")),
    };
    const problems = cardIssues(card, record.fields.length, columns.length);
    if (problems.length) errors.push({ line: record.line, message: problems.join(" ") });
    else cards.push(card);
  }

  const total = rows.length;
  if (total === 0 && errors.length === 0) errors.push({ line: null, message: "The file has no cards." });
  if (total > CARD_IMPORT_LIMITS.maxCards)
    errors.push({
      line: null,
      message: `The file has ${plural(total, "card")}; at most ${plural(CARD_IMPORT_LIMITS.maxCards, "card")} can be imported at once.`,
    });
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { delimiter: chosen, header: named !== null || fromAnki !== null, cards, errors };
}

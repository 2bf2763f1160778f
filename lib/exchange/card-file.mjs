// Reading a learner's card file (CSV or TSV: front, back, optional tags) into cards, or into
// problems that name their line. Nothing here writes: the preview shows this result, and the
// import writes the cards of a file read to its end (with its problem lines only when the learner
// chose to skip them).
//
// Plain JavaScript: the server reads uploads in a worker thread (card-reader.ts), which loads
// this file as is. Reading is bounded: it stops at the card cap, at a number of problem lines and
// at a number of blank lines, so no file under the size cap costs more than a few thousand rows.

import {
  DELIMITER_NAMES,
  DELIMITERS,
  delimitedRecords,
  detectDelimiter,
  parseDelimited,
  splitScore,
} from "./delimited.mjs";

export const CARD_IMPORT_LIMITS = Object.freeze({
  /** Checked on the file's size before it is read. */
  maxBytes: 5 * 1024 * 1024,
  maxCards: 5000,
  maxFieldLength: 2000,
  maxTags: 10,
  maxTagLength: 40,
  /** Reading stops at this many lines with problems: such a file is fixed, not imported in part. */
  maxProblemLines: 100,
  /** Blank lines between cards are fine; millions of them are not a card file. */
  maxBlankLines: 20_000,
  /** Anki writes about six "#key:value" lines. */
  maxMetaLines: 20,
});

/** @typedef {import("./delimited.mjs").Delimiter} Delimiter */
/** @typedef {"front" | "back" | "tags"} Column */

/** @type {Record<string, Column>} */
const COLUMN_NAMES = {
  front: "front",
  question: "front",
  text: "front",
  back: "back",
  answer: "back",
  extra: "back",
  tags: "tags",
  tag: "tags",
};

// Anki's own exports start with lines such as "#separator:tab" and "#html:false".
const META_LINE = /^#([a-z ]+):(.*)$/i;
/** @type {Record<string, Delimiter>} */
const SEPARATORS = {
  tab: "\t",
  comma: ",",
  semicolon: ";",
  "\t": "\t",
  ",": ",",
  ";": ";",
};
// A tag is one word: letters, digits and _ - : . (Anki's "a::b" hierarchy included).
const TAG = /^[\p{L}\p{N}_\-:.]+$/u;
// Anki's cloze deletion, as lib/study/cloze.ts reads it: {{c1::hidden}} or {{c1::hidden::hint}}.
const CLOZE = /\{\{c\d+::(.*?)(?:::(.*?))?\}\}/g;
const CLOZE_OPEN = /\{\{c\d+::/g;
const CLOZE_START = /\{\{c\d+::/;

/** @param {number} n @param {string} word */
const plural = (n, word) => `${n.toLocaleString("en-GB")} ${word}${n === 1 ? "" : "s"}`;

/** Leading "#key:value" lines (Anki's file headers): how many lines they take and what they say. */
function metaLines(/** @type {string} */ text) {
  const meta = {
    lines: 0,
    offset: text.startsWith("\uFEFF") ? 1 : 0,
    /** @type {Delimiter | null} */
    separator: null,
    /** "#columns:" (split later, with the separator). */
    /** @type {string | null} */
    columns: null,
    /** "#tags column:" (1-based). */
    /** @type {number | null} */
    tagsColumn: null,
  };
  while (meta.lines < CARD_IMPORT_LIMITS.maxMetaLines) {
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

/**
 * Columns an Anki file names in its header lines; its other fields (Evidence, Source, …) are skipped.
 * @param {ReturnType<typeof metaLines>} meta
 * @param {Delimiter} delimiter
 * @returns {(Column | null)[] | null}
 */
function ankiColumns(meta, delimiter) {
  if (meta.columns === null) return null;
  const names = parseDelimited(meta.columns, delimiter).records[0]?.fields ?? [];
  const columns = names.map((name, i) =>
    i + 1 === meta.tagsColumn ? "tags" : (COLUMN_NAMES[name.trim().toLowerCase()] ?? null),
  );
  return columns.includes("front") && columns.includes("back") ? columns : null;
}

/**
 * The column of each field, from a header row, or null when the first row is a card.
 * @param {readonly string[]} fields
 * @returns {(Column | null)[] | null}
 */
function headerColumns(fields) {
  const columns = fields.map((field) => COLUMN_NAMES[field.trim().toLowerCase()] ?? null);
  return columns.includes("front") && columns.includes("back") ? columns : null;
}

/** @param {string} text */
function splitTags(text) {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}

/** Trimmed, with line breaks inside a quoted field kept as "\n" (a spreadsheet may write CRLF). */
function cell(/** @type {string | undefined} */ text) {
  return (text ?? "").replace(/\r\n?/g, "\n").trim();
}

/**
 * What is wrong with a card's cloze deletions, if anything.
 * @param {string} front
 * @returns {string | null}
 */
function clozeProblem(front) {
  const opened = front.match(CLOZE_OPEN)?.length ?? 0;
  const deletions = [...front.matchAll(CLOZE)];
  if (deletions.length < opened) return "A cloze deletion is not closed: write {{c1::hidden text}}.";
  if (deletions.some((match) => !match[1]?.trim()))
    return "A cloze deletion hides nothing: write {{c1::hidden text}}.";
  return null;
}

/**
 * @param {import("./card-file.mjs").ImportedCard} card
 * @param {number} width
 * @param {number} expected
 */
function cardProblems(card, width, expected) {
  const limit = CARD_IMPORT_LIMITS.maxFieldLength;
  const problems = [];
  if (width > expected)
    problems.push(`${plural(width, "column")} where at most ${expected} are expected (front, back, tags).`);
  if (!card.front) problems.push("The front is empty.");
  // A cloze card's back is optional extra context, as in Anki.
  if (!card.back && card.kind !== "cloze") problems.push("The back is empty.");
  if (card.kind === "cloze") {
    const problem = clozeProblem(card.front);
    if (problem) problems.push(problem);
  }
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
 * The separator that would split the file into columns when `chosen` leaves most rows with one
 * column (every line then reads "The back is empty"), or null.
 * @param {string} body
 * @param {Delimiter} chosen
 * @param {number} rows
 * @returns {Delimiter | null}
 */
function betterDelimiter(body, chosen, rows) {
  const sample = body.slice(0, 64 * 1024);
  let best = null;
  let bestScore = Math.max(1, Math.ceil(Math.min(rows, 50) / 2));
  for (const delimiter of DELIMITERS) {
    if (delimiter === chosen) continue;
    const score = splitScore(sample, delimiter);
    if (score >= bestScore) {
      best = delimiter;
      bestScore = score + 1;
    }
  }
  return best;
}

/**
 * Reads a card file. The delimiter is the one asked for, else the one an Anki "#separator:" line
 * names, else the one detected; a first row naming front and back (in any order, tags optional)
 * is a header. Blank lines are skipped; a row repeating an earlier card's front and back is
 * skipped and listed. A front with {{c1::…}} makes a cloze card (its back is optional).
 * @param {string} text
 * @param {Delimiter} [delimiter]
 * @returns {import("./card-file.mjs").CardFile}
 */
export function readCardFile(text, delimiter) {
  const limits = CARD_IMPORT_LIMITS;
  const meta = metaLines(text);
  const body = text.slice(meta.offset);
  const chosen = delimiter ?? meta.separator ?? detectDelimiter(body);
  const fromAnki = ankiColumns(meta, chosen);

  /** @type {import("./card-file.mjs").ImportIssue[]} */
  const problems = [];
  /** @type {import("./card-file.mjs").ImportIssue[]} */
  const fileProblems = [];
  /** @type {import("./card-file.mjs").ImportedCard[]} */
  const cards = [];
  /** @type {import("./card-file.mjs").RepeatedRow[]} */
  const duplicates = [];
  let duplicateCount = 0;
  /** @type {Map<string, number>} */
  const seen = new Map();
  /** @type {(Column | null)[] | null} */
  let columns = fromAnki;
  let header = fromAnki !== null;
  let rows = 0;
  let singleColumnRows = 0;
  let blank = 0;
  let complete = true;
  /** @type {Set<number>} */
  const problemLines = new Set();
  /** @param {number} line @param {string} message */
  const problem = (line, message) => {
    problems.push({ line, message });
    problemLines.add(line);
  };
  /** @param {string} message */
  const stop = (message) => {
    fileProblems.push({ line: null, message });
    complete = false;
  };

  /**
   * One non-blank row: a card, a repeat, or a problem. Returns false when reading must stop.
   * @param {import("./delimited.mjs").DelimitedRecord} record
   * @param {(Column | null)[]} active
   */
  const readRow = (record, active) => {
    rows += 1;
    if (record.fields.length === 1) singleColumnRows += 1;
    /** @param {Column} column */
    const value = (column) => {
      const index = active.indexOf(column);
      return index === -1 ? "" : cell(record.fields[index]);
    };
    const front = value("front");
    /** @type {import("./card-file.mjs").ImportedCard} */
    const card = {
      line: record.line,
      kind: CLOZE_START.test(front) ? "cloze" : "basic",
      front,
      back: value("back"),
      tags: splitTags(value("tags")),
    };
    const found = cardProblems(card, record.fields.length, active.length);
    if (found.length) {
      problem(record.line, found.join(" "));
      return true;
    }
    const key = `${card.front}\u0000${card.back}`;
    const first = seen.get(key);
    if (first !== undefined) {
      duplicateCount += 1;
      if (duplicates.length < limits.maxProblemLines)
        duplicates.push({ line: record.line, firstLine: first });
      if (duplicateCount <= limits.maxCards) return true;
      stop(`The file repeats more than ${plural(limits.maxCards, "card")}; remove the repeated rows.`);
      return false;
    }
    if (cards.length >= limits.maxCards) {
      stop(
        `The file has more than ${plural(limits.maxCards, "card")}; at most ${plural(limits.maxCards, "card")} can be imported at once. Split it into smaller files.`,
      );
      return false;
    }
    seen.set(key, record.line);
    cards.push(card);
    return true;
  };

  for (const item of delimitedRecords(body, chosen, meta.lines + 1)) {
    let line;
    if ("error" in item) {
      line = item.error.line;
      problem(line, item.error.message);
      // An unclosed quote swallowed the rest of the file: those lines were never read.
      if (item.error.final) complete = false;
    } else if (item.fields.every((field) => field.trim() === "")) {
      if (++blank > limits.maxBlankLines) {
        stop(
          `The file has more than ${plural(limits.maxBlankLines, "empty line")}; this is not a card file.`,
        );
        break;
      }
      continue;
    } else {
      line = item.line;
      if (columns === null) {
        // The first row: a header, or the first card.
        const named = headerColumns(item.fields);
        columns = named ?? ["front", "back", "tags"];
        if (named) {
          header = true;
          const stray = item.fields.find((_, i) => named[i] === null);
          if (stray !== undefined)
            problem(
              line,
              `Unknown column "${stray.trim().slice(0, 40)}": name the columns front, back and tags.`,
            );
          continue;
        }
        if (item.fields.some((field) => /^(front|back|tags?)$/.test(field.trim().toLowerCase())))
          problem(line, "This looks like a header, but it needs both a front and a back column.");
      }
      if (!readRow(item, columns)) break;
    }
    if (problemLines.size >= limits.maxProblemLines) {
      stop(
        `Reading stopped at line ${line.toLocaleString("en-GB")} after ${plural(limits.maxProblemLines, "line")} with problems; they are listed below. Fix them and choose the file again.`,
      );
      break;
    }
  }

  const suggestedDelimiter =
    problems.length > 0 && singleColumnRows * 2 >= rows ? betterDelimiter(body, chosen, rows) : null;
  if (suggestedDelimiter)
    fileProblems.unshift({
      line: null,
      message: `Most lines have one column when split by ${DELIMITER_NAMES[chosen]}s; the file looks ${DELIMITER_NAMES[suggestedDelimiter]}-separated. Choose "${DELIMITER_NAMES[suggestedDelimiter]}" as the separator.`,
    });
  if (complete && cards.length === 0 && problems.length === 0 && fileProblems.length === 0)
    fileProblems.push({ line: null, message: "The file has no cards." });
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    delimiter: chosen,
    header,
    cards,
    errors: [...fileProblems, ...problems],
    problemLines: problemLines.size,
    duplicates,
    duplicateCount,
    complete,
    suggestedDelimiter,
  };
}

/**
 * The cards an import may write: every card of a file read to its end without problems, or, when
 * the learner chose to skip problem lines, the good cards of a file whose only problems are lines.
 * @param {import("./card-file.mjs").CardFile} file
 * @param {boolean} skipProblemLines
 * @returns {{ ok: true, cards: import("./card-file.mjs").ImportedCard[] } | { ok: false, message: string }}
 */
export function importableCards(file, skipProblemLines) {
  if (!file.complete || file.errors.some((error) => error.line === null))
    return { ok: false, message: "The file cannot be imported as it is, so nothing was imported." };
  if (file.cards.length === 0) return { ok: false, message: "The file has no cards to import." };
  if (file.errors.length > 0 && !skipProblemLines)
    return { ok: false, message: "The file has problems, so nothing was imported." };
  return { ok: true, cards: file.cards };
}

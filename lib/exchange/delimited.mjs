// A small RFC 4180 reader for comma-, semicolon- and tab-separated text: quoted fields may hold
// the delimiter, line breaks and doubled quotes (""); records end at CRLF, LF or CR. It is
// lenient where spreadsheets are (a quote inside an unquoted field is kept as text) and strict
// where data would be lost (an unclosed quote or text after a closing quote is an error with its line).
//
// Plain JavaScript: the card import reads files in a worker thread, which loads this file as is
// (see card-reader.ts). Records come one at a time from a generator, so a caller that stops early
// (too many cards, too many errors) does no more work and holds no more memory than it used.
//
// Kept instead of a library (issue 17), measured on this machine: csv-parse 7 read a 4.9 MB,
// 350,000-line file in 0.9-1.7 s (sync API; over 4 s through its stream) against 0.08 s here,
// its line numbers (`info.lines`) go wrong with mixed line endings, and `max_record_size` with
// `skip_records_with_error` repeats one error for every chunk. papaparse 5.7 (step mode, 11 MB,
// 350,000 records) took 1.1-1.6x as long as this reader, reports no line numbers (only a character
// cursor), guesses one line break for the whole file (a CRLF file with one bare LF or CR inside
// gets fields ending in "\n"), and text after a closing quote (`"b"x,c`) swallows the rest of the
// file into one field. This reader's property test (delimited.test.ts) pins what it reads.

/** @typedef {"," | ";" | "\t"} Delimiter */

/** @type {readonly Delimiter[]} */
export const DELIMITERS = ["\t", ",", ";"];

/** @type {Record<Delimiter, string>} */
export const DELIMITER_NAMES = { ",": "comma", ";": "semicolon", "\t": "tab" };

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * The records of `text`, one at a time: `{ fields, line }` (the 1-based line where the record
 * starts; `firstLine` numbers the first line of `text`), or `{ error: { line, message } }`. An
 * unclosed quote is the last thing yielded: everything after it would be part of that field.
 * @param {string} text
 * @param {Delimiter} delimiter
 * @param {number} [firstLine]
 */
export function* delimitedRecords(text, delimiter, firstLine = 1) {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const length = source.length;
  const sep = delimiter.charCodeAt(0);
  let line = firstLine;
  let i = 0;

  // An empty text, or one that ends with a line break, has no record after the last break.
  while (i < length) {
    const recordLine = line;
    /** @type {string[]} */
    const fields = [];
    let broken = false;
    for (;;) {
      let field = "";
      if (source.charCodeAt(i) === QUOTE) {
        const quoteLine = line;
        i += 1;
        let start = i;
        let closed = false;
        while (i < length) {
          const code = source.charCodeAt(i);
          if (code === QUOTE) {
            field += source.slice(start, i);
            if (source.charCodeAt(i + 1) === QUOTE) {
              field += '"';
              i += 2;
              start = i;
              continue;
            }
            closed = true;
            i += 1;
            break;
          }
          if (code === LF || (code === CR && source.charCodeAt(i + 1) !== LF)) line += 1;
          i += 1;
        }
        if (!closed) {
          yield {
            error: {
              line: quoteLine,
              message:
                'A quoted field is never closed (a " is missing), so the lines after it cannot be read.',
              final: true,
            },
          };
          return;
        }
        // After the closing quote: a delimiter, a line break or the end. Anything else is kept,
        // but reported, since the field was probably meant to be quoted differently.
        const strayStart = i;
        while (i < length) {
          const code = source.charCodeAt(i);
          if (code === sep || code === CR || code === LF) break;
          i += 1;
        }
        if (i > strayStart) {
          if (!broken)
            yield {
              error: { line, message: "Text follows a closing quote; put the whole field in quotes." },
            };
          broken = true;
          field += source.slice(strayStart, i);
        }
      } else {
        const start = i;
        while (i < length) {
          const code = source.charCodeAt(i);
          if (code === sep || code === CR || code === LF) break;
          i += 1;
        }
        field = source.slice(start, i);
      }
      fields.push(field);
      if (i < length && source.charCodeAt(i) === sep) {
        // The next field may be empty, up to a line break or the end of the text.
        i += 1;
        continue;
      }
      break;
    }
    if (i < length) {
      // A line break ends the record.
      i += source.charCodeAt(i) === CR && source.charCodeAt(i + 1) === LF ? 2 : 1;
      line += 1;
    }
    yield { fields, line: recordLine };
  }
}

/**
 * Every record and error of `text` at once, for short texts (header lines, tests); files go
 * through `delimitedRecords`.
 * @param {string} text
 * @param {Delimiter} delimiter
 * @param {number} [firstLine]
 */
export function parseDelimited(text, delimiter, firstLine = 1) {
  const records = [];
  const errors = [];
  for (const item of delimitedRecords(text, delimiter, firstLine)) {
    if ("error" in item) errors.push(item.error);
    else records.push(item);
  }
  return { records, errors };
}

/**
 * How consistently `delimiter` splits the first 50 records of `sample`: the number of records
 * that share the most common width of two or more fields.
 * @param {string} sample
 * @param {Delimiter} delimiter
 */
export function splitScore(sample, delimiter) {
  /** @type {Map<number, number>} */
  const widths = new Map();
  let seen = 0;
  for (const item of delimitedRecords(sample, delimiter)) {
    if ("error" in item) continue;
    const width = item.fields.length;
    if (width >= 2) widths.set(width, (widths.get(width) ?? 0) + 1);
    if (++seen >= 50) break;
  }
  return Math.max(0, ...widths.values());
}

/**
 * The delimiter the text most likely uses: the one that splits its first records most
 * consistently, i.e. into the same number (two or more) of fields most often. Card text holds
 * commas more often than the file's structure does, so consistency beats a plain count. On a tie:
 * tab (rare in card text), then comma, then semicolon; comma when none splits anything.
 * @param {string} text
 * @returns {Delimiter}
 */
export function detectDelimiter(text) {
  const sample = text.slice(0, 64 * 1024);
  /** @type {Delimiter} */
  let best = ",";
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const score = splitScore(sample, delimiter);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

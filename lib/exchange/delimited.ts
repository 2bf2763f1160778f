/**
 * A small RFC 4180 reader for comma-, semicolon- and tab-separated text: quoted fields may hold
 * the delimiter, line breaks and doubled quotes (""); records end at CRLF, LF or CR. It is
 * lenient where spreadsheets are (a quote inside an unquoted field is kept as text) and strict
 * where data would be lost (an unclosed quote or text after a closing quote is an error with its line).
 */

export type Delimiter = "," | ";" | "\t";
export const DELIMITERS: readonly Delimiter[] = ["\t", ",", ";"];

export interface DelimitedRecord {
  fields: string[];
  /** 1-based line of the file where the record starts. */
  line: number;
}

export interface DelimitedIssue {
  line: number;
  message: string;
}

export interface DelimitedText {
  records: DelimitedRecord[];
  errors: DelimitedIssue[];
}

const BOM = "\uFEFF";

/** Splits text into records and fields. `firstLine` numbers the first line of `text` (for text after a header). */
export function parseDelimited(text: string, delimiter: Delimiter, firstLine = 1): DelimitedText {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const records: DelimitedRecord[] = [];
  const errors: DelimitedIssue[] = [];
  let line = firstLine;
  let i = 0;
  const length = source.length;

  // An empty text, or one that ends with a line break, has no record after the last break.
  while (i < length) {
    const recordLine = line;
    const fields: string[] = [];
    let broken = false;
    for (;;) {
      let field = "";
      if (source[i] === '"') {
        const quoteLine = line;
        i += 1;
        let closed = false;
        while (i < length) {
          const char = source[i] as string;
          if (char === '"') {
            if (source[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            closed = true;
            i += 1;
            break;
          }
          if (char === "\r" || char === "\n") {
            line += 1;
            if (char === "\r" && source[i + 1] === "\n") {
              field += "\r\n";
              i += 2;
              continue;
            }
          }
          field += char;
          i += 1;
        }
        if (!closed) {
          errors.push({ line: quoteLine, message: 'A quoted field is never closed (a " is missing).' });
          return { records, errors };
        }
        // After the closing quote: a delimiter, a line break or the end. Anything else is kept,
        // but reported, since the field was probably meant to be quoted differently.
        let stray = "";
        while (i < length && source[i] !== delimiter && source[i] !== "\r" && source[i] !== "\n") {
          stray += source[i];
          i += 1;
        }
        if (stray) {
          if (!broken)
            errors.push({ line, message: "Text follows a closing quote; put the whole field in quotes." });
          broken = true;
          field += stray;
        }
      } else {
        while (i < length && source[i] !== delimiter && source[i] !== "\r" && source[i] !== "\n") {
          field += source[i];
          i += 1;
        }
      }
      fields.push(field);
      if (i < length && source[i] === delimiter) {
        // The next field may be empty, up to a line break or the end of the text.
        i += 1;
        continue;
      }
      break;
    }
    if (i < length) {
      // A line break ends the record.
      i += source[i] === "\r" && source[i + 1] === "\n" ? 2 : 1;
      line += 1;
    }
    records.push({ fields, line: recordLine });
  }
  return { records, errors };
}

/**
 * The delimiter the text most likely uses: the one that splits its first records most
 * consistently, i.e. into the same number (two or more) of fields most often. Card text holds
 * commas more often than the file's structure does, so consistency beats a plain count. On a tie:
 * tab (rare in card text), then comma, then semicolon; comma when none splits anything.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: Delimiter = ",";
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const widths = new Map<number, number>();
    for (const record of parseDelimited(sample, delimiter).records.slice(0, 50)) {
      const width = record.fields.length;
      if (width >= 2) widths.set(width, (widths.get(width) ?? 0) + 1);
    }
    const score = Math.max(0, ...widths.values());
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

export const DELIMITER_NAMES: Record<Delimiter, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

// The one CSV writer (the trainer's exports, the review log). Hand-written on purpose: RFC 4180
// quoting is one line, and the part that matters, which cells a spreadsheet would run as a
// formula, is our rule either way (papaparse's default escapeFormulae quotes every leading + and
// -, which garbles phone numbers and negative values; given a RegExp it would run ours).
export type CsvCell = string | number | null;

// Spreadsheets run a cell starting with one of these as a formula (CSV injection); tab and CR are
// on OWASP's list too. A leading single quote makes the cell text.
const ALWAYS_FORMULA = /^[=@\t\r]/;
// A leading + or - starts a formula too, but it also starts ordinary text (an email "-2+3@…", a
// phone "+44 …", "-5"). Quoting those garbles them in every program that shows the apostrophe, so
// only a sign followed by a name or cell reference (`-A1`, `+cmd`), or text holding a call, a
// sheet/DDE reference or a comparison (`-1+SUM(…)`, `+cmd|' /C calc'!A0`), is neutralized.
const SIGNED_FORMULA = /^[+-](\s*[A-Za-z$_]|.*[(!|=])/s;
const NEEDS_QUOTES = /[",\r\n]/;

/** Byte order mark: spreadsheets read the file as UTF-8 only with it (else "Zoë" arrives garbled). */
export const UTF8_BOM = "\uFEFF";

function looksLikeFormula(text: string): boolean {
  return ALWAYS_FORMULA.test(text) || SIGNED_FORMULA.test(text);
}

/** One cell: formulas neutralized (text cells only; numbers are written by us), then RFC 4180 quoting. */
export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && looksLikeFormula(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A calendar date (stored as midnight UTC) as a spreadsheet reads a date: YYYY-MM-DD. */
export function csvDay(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** RFC 4180 text: CRLF line breaks, a line break after the last record. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}

/** A CSV file to download: the records behind a UTF-8 byte order mark. */
export function csvFile(csv: string): string {
  return csv.startsWith(UTF8_BOM) ? csv : `${UTF8_BOM}${csv}`;
}

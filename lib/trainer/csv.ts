export type CsvCell = string | number | null;

// Spreadsheets run a cell starting with one of these as a formula (CSV injection); tab and CR are
// on OWASP's list too. A leading single quote makes the cell text.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: formulas neutralized (text cells only; numbers are written by us), then RFC 4180 quoting. */
export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 text: CRLF line breaks, a line break after the last record. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}

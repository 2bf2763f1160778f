import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Delimiter, delimitedRecords, detectDelimiter, parseDelimited } from "./delimited.mjs";

const fields = (text: string, delimiter: Delimiter = ",") =>
  parseDelimited(text, delimiter).records.map((record) => record.fields);

describe("parseDelimited (RFC 4180)", () => {
  it("splits records on CRLF, LF and CR, without a record after the last break", () => {
    expect(fields("a,b\r\nc,d\ne,f\rg,h\n")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
      ["g", "h"],
    ]);
    expect(fields("")).toEqual([]);
    expect(fields("a")).toEqual([["a"]]);
  });

  it("reads quoted fields with delimiters, doubled quotes and line breaks", () => {
    expect(fields('"a,b","say ""hi""","two\nlines",plain\n')).toEqual([
      ["a,b", 'say "hi"', "two\nlines", "plain"],
    ]);
    expect(fields('"",x\n')).toEqual([["", "x"]]);
    expect(fields('"keeps\r\nCRLF"\n')).toEqual([["keeps\r\nCRLF"]]);
  });

  it("keeps empty fields, a trailing delimiter included", () => {
    expect(fields("a,,b\n,\nc,\n")).toEqual([
      ["a", "", "b"],
      ["", ""],
      ["c", ""],
    ]);
    expect(fields("c,")).toEqual([["c", ""]]);
  });

  it("keeps a quote inside an unquoted field as text", () => {
    expect(fields('5" screen,ok\n')).toEqual([['5" screen', "ok"]]);
  });

  it("numbers records by the line they start on, counting line breaks inside quotes", () => {
    const { records } = parseDelimited('a,"x\ny\nz"\r\nb,c\n\nd,e', ",");
    expect(records.map((r) => r.line)).toEqual([1, 4, 5, 6]);
    expect(parseDelimited("a\nb", ",", 3).records.map((r) => r.line)).toEqual([3, 4]);
  });

  it("reports an unclosed quote at the line where it opens, and stops there", () => {
    const { records, errors } = parseDelimited('ok,1\nbad,"never closed\nmore,2\n', ",");
    expect(records).toEqual([{ fields: ["ok", "1"], line: 1 }]);
    expect(errors).toEqual([{ line: 2, message: expect.stringContaining("never closed"), final: true }]);
  });

  it("reports text after a closing quote but keeps it", () => {
    const { records, errors } = parseDelimited('"a"b,c\n', ",");
    expect(records[0]?.fields).toEqual(["ab", "c"]);
    expect(errors).toEqual([{ line: 1, message: expect.stringContaining("closing quote") }]);
  });

  it("drops a byte order mark and reads tabs and semicolons", () => {
    expect(fields("\uFEFFa\tb,c\n", "\t")).toEqual([["a", "b,c"]]);
    expect(fields("a;b\n", ";")).toEqual([["a", "b"]]);
  });

  it("yields records one at a time, so a reader that stops early reads no further", () => {
    const records = delimitedRecords("a,1\nb,2\n".repeat(1000), ",");
    expect(records.next().value).toEqual({ fields: ["a", "1"], line: 1 });
    expect(records.next().value).toEqual({ fields: ["b", "2"], line: 2 });
    expect(records.return(undefined).done).toBe(true);
  });

  it("reads back whatever a quoting writer wrote (property)", () => {
    const quote = (d: Delimiter) => (text: string) =>
      /["\r\n]/.test(text) || text.includes(d) ? `"${text.replaceAll('"', '""')}"` : text;
    const delimiter = fc.constantFrom<Delimiter>(",", ";", "\t");
    const field = fc.string({ unit: fc.constantFrom("a", "b", " ", ",", ";", "\t", '"', "\n", "\r", "é") });
    const table = fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(delimiter, table, (d, rows) => {
        const text = rows.map((row) => `${row.map(quote(d)).join(d)}\r\n`).join("");
        const parsed = parseDelimited(text, d);
        expect(parsed.errors).toEqual([]);
        expect(parsed.records.map((r) => r.fields)).toEqual(rows);
      }),
    );
  });
});

describe("detectDelimiter", () => {
  it("finds tab, comma and semicolon files", () => {
    expect(detectDelimiter("front\tback\nQ\tA, with a comma\n")).toBe("\t");
    expect(detectDelimiter('front,back\n"Q; really?",A\n')).toBe(",");
    expect(detectDelimiter("front;back\nQ;A, with a comma\nQ2;A2, with, two\n")).toBe(";");
  });

  it("ignores delimiters inside quoted fields and falls back to comma", () => {
    expect(detectDelimiter('"a;b;c",d\n"e;f",g\n')).toBe(",");
    expect(detectDelimiter("just one column\n")).toBe(",");
  });
});

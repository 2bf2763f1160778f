import { describe, expect, it } from "vitest";
import { csvCell, csvDay, csvFile, toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes cells with commas, quotes and line breaks, doubling quotes", () => {
    expect(csvCell('Ann "Annie" Lee')).toBe('"Ann ""Annie"" Lee"');
    expect(csvCell("Lee, Ann")).toBe('"Lee, Ann"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
    expect(csvCell(0.5)).toBe("0.5");
  });

  it("neutralizes text that a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("-A1")).toBe("'-A1");
    expect(csvCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(csvCell("-1+SUM(A1:A9)")).toBe("'-1+SUM(A1:A9)");
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell(-3)).toBe("-3");
  });

  it("leaves text that merely starts with a sign as it is", () => {
    expect(csvCell("-2+3@example.com")).toBe("-2+3@example.com");
    expect(csvCell("+44 20 7946 0958")).toBe("+44 20 7946 0958");
    expect(csvCell("-5")).toBe("-5");
  });

  it("writes calendar dates as dates and files with a UTF-8 byte order mark", () => {
    expect(csvDay(new Date(Date.UTC(2026, 11, 24)))).toBe("2026-12-24");
    expect(csvDay(null)).toBeNull();
    expect(csvFile("a\r\n")).toBe("\uFEFFa\r\n");
    expect(csvFile(csvFile("a"))).toBe("\uFEFFa");
  });

  it("ends every record with CRLF", () => {
    expect(
      toCsv([
        ["a", "b"],
        [1, null],
      ]),
    ).toBe("a,b\r\n1,\r\n");
  });
});

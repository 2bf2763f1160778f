import { describe, expect, it } from "vitest";
import { ankiDeckText } from "./anki-text";
import { CARD_IMPORT_LIMITS, readCardFile } from "./card-import";

describe("readCardFile", () => {
  it("reads front, back and tags without a header", () => {
    const file = readCardFile("What is K2?,A vitamin,vitamins k2\nMK-7 half-life?,About 3 days\n");
    expect(file).toMatchObject({ delimiter: ",", header: false, errors: [] });
    expect(file.cards).toEqual([
      { line: 1, front: "What is K2?", back: "A vitamin", tags: ["vitamins", "k2"] },
      { line: 2, front: "MK-7 half-life?", back: "About 3 days", tags: [] },
    ]);
  });

  it("detects a header row in any column order and a tab delimiter", () => {
    const file = readCardFile("Tags\tBack\tFront\nbone\tOsteocalcin\tWhich protein does K2 carboxylate?\n");
    expect(file).toMatchObject({ delimiter: "\t", header: true, errors: [] });
    expect(file.cards).toEqual([
      { line: 2, front: "Which protein does K2 carboxylate?", back: "Osteocalcin", tags: ["bone"] },
    ]);
  });

  it("honours Anki's header lines and numbers lines after them", () => {
    const file = readCardFile('#separator:tab\n#html:false\nQ1\tA1\nQ2\t"two\nlines"\nQ3\tA3\n');
    expect(file.cards.map((c) => [c.line, c.back])).toEqual([
      [3, "A1"],
      [4, "two\nlines"],
      [6, "A3"],
    ]);
  });

  it("uses the delimiter it is given over the detected one", () => {
    expect(readCardFile("a;b,c\n", ";").cards[0]).toMatchObject({ front: "a", back: "b,c" });
  });

  it("names the line of every bad row and keeps the good ones", () => {
    const file = readCardFile(
      [
        "front,back,tags",
        "Good,Card,",
        ",No front",
        "No back,",
        "Too,many,columns,here",
        "Bad tag,Card,ok not/ok",
        "",
        "Last,Card",
      ].join("\n"),
    );
    expect(file.cards.map((c) => c.line)).toEqual([2, 8]);
    expect(file.errors).toEqual([
      { line: 3, message: "The front is empty." },
      { line: 4, message: "The back is empty." },
      { line: 5, message: expect.stringContaining("4 columns") },
      { line: 6, message: expect.stringContaining('"not/ok"') },
    ]);
  });

  it("reports an unclosed quote and what follows it as one error at the quote's line", () => {
    const file = readCardFile('Q1,A1\nQ2,"open\nQ3,A3\n');
    expect(file.cards).toHaveLength(1);
    expect(file.errors).toEqual([{ line: 2, message: expect.stringContaining("never closed") }]);
  });

  it("rejects empty files, too many cards and overlong fields", () => {
    expect(readCardFile("\n\n").errors).toEqual([{ line: null, message: "The file has no cards." }]);
    expect(readCardFile("front,back\n").errors).toEqual([{ line: null, message: "The file has no cards." }]);
    const many = Array.from({ length: CARD_IMPORT_LIMITS.maxCards + 1 }, (_, i) => `Q${i},A${i}`).join("\n");
    expect(readCardFile(many).errors).toEqual([
      { line: null, message: expect.stringContaining("at most 5,000") },
    ]);
    const long = readCardFile(`${"x".repeat(CARD_IMPORT_LIMITS.maxFieldLength + 1)},A\n`);
    expect(long.errors[0]).toMatchObject({ line: 1, message: expect.stringContaining("longer than 2,000") });
  });

  it("flags an unknown column in a header", () => {
    const file = readCardFile("front,back,notes\nQ,A,\n");
    expect(file.errors).toEqual([{ line: 1, message: expect.stringContaining('Unknown column "notes"') }]);
  });

  it("trims fields, drops duplicate tags and splits tags on spaces and commas", () => {
    const file = readCardFile('  Q  ,  A  ,"a, b  a::c"\n');
    expect(file.cards[0]).toMatchObject({ front: "Q", back: "A", tags: ["a", "b", "a::c"] });
  });

  it("reads back a deck exported for Anki: its named columns, tags column and quoted fields", () => {
    const text = ankiDeckText({
      cards: [
        {
          kind: "basic",
          front: "Q\tone",
          back: 'two\n"lines"',
          evidence: "personal",
          tags: ["bone"],
          sources: [],
        },
        {
          kind: "basic",
          front: "#2",
          back: "B",
          evidence: "animal",
          tags: [],
          sources: [{ document: "d", quote: "x" }],
        },
      ],
      documentTitles: {},
      describeEvidence: (level) => level,
    });
    const file = readCardFile(text);
    expect(file.errors).toEqual([]);
    expect(file).toMatchObject({ delimiter: "\t", header: true });
    expect(file.cards).toEqual([
      { line: 5, front: "Q\tone", back: 'two\n"lines"', tags: ["evidence::personal", "bone"] },
      { line: 7, front: "#2", back: "B", tags: ["evidence::animal", "source::d"] },
    ]);
  });
});

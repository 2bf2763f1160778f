import { describe, expect, it } from "vitest";
import { parseCloze } from "@/lib/study/cloze";
import { ankiDeckText } from "./anki-text";
import { CARD_IMPORT_LIMITS, importableCards, readCardFile } from "./card-import";

describe("readCardFile", () => {
  it("reads front, back and tags without a header", () => {
    const file = readCardFile("What is K2?,A vitamin,vitamins k2\nMK-7 half-life?,About 3 days\n");
    expect(file).toMatchObject({ delimiter: ",", header: false, errors: [] });
    expect(file.cards).toEqual([
      { line: 1, kind: "basic", front: "What is K2?", back: "A vitamin", tags: ["vitamins", "k2"] },
      { line: 2, kind: "basic", front: "MK-7 half-life?", back: "About 3 days", tags: [] },
    ]);
  });

  it("detects a header row in any column order and a tab delimiter", () => {
    const file = readCardFile("Tags\tBack\tFront\nbone\tOsteocalcin\tWhich protein does K2 carboxylate?\n");
    expect(file).toMatchObject({ delimiter: "\t", header: true, errors: [] });
    expect(file.cards).toEqual([
      {
        line: 2,
        kind: "basic",
        front: "Which protein does K2 carboxylate?",
        back: "Osteocalcin",
        tags: ["bone"],
      },
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
      { line: 5, kind: "basic", front: "Q\tone", back: 'two\n"lines"', tags: ["evidence::personal", "bone"] },
      { line: 7, kind: "basic", front: "#2", back: "B", tags: ["evidence::animal", "source::d"] },
    ]);
  });

  it("stops a pathological file of one-character lines at the problem cap (issue 13)", () => {
    // 5 MB of "a\n": 2.6 million lines, each "The back is empty".
    const text = "a\n".repeat(2_600_000);
    const file = readCardFile(text, ",");
    const cap = CARD_IMPORT_LIMITS.maxProblemLines;
    expect(file.complete).toBe(false);
    expect(file.cards).toEqual([]);
    expect(file.problemLines).toBe(cap);
    // The problems kept are the first lines', plus the file-level stop message.
    expect(file.errors.filter((e) => e.line !== null).map((e) => e.line)).toEqual(
      Array.from({ length: cap }, (_, i) => i + 1),
    );
    expect(file.errors.filter((e) => e.line === null)).toEqual([
      { line: null, message: expect.stringContaining(`Reading stopped at line ${cap}`) },
    ]);
    expect(importableCards(file, true)).toMatchObject({ ok: false });
  });

  it("stops at the card cap without reading the rest", () => {
    const text = "Q,A\n".replace("Q", "Q0");
    const many = Array.from({ length: 300_000 }, (_, i) => `Q${i},A${i}`).join("\n") + text;
    const file = readCardFile(many);
    expect(file.cards).toHaveLength(CARD_IMPORT_LIMITS.maxCards);
    expect(file.cards.at(-1)?.line).toBe(CARD_IMPORT_LIMITS.maxCards);
    expect(file.complete).toBe(false);
    expect(file.errors).toEqual([{ line: null, message: expect.stringContaining("more than 5,000 cards") }]);
  });

  it("stops at the blank-line cap and reads at most the first Anki header lines", () => {
    const blank = readCardFile(`Q,A\n${" \n".repeat(CARD_IMPORT_LIMITS.maxBlankLines + 1000)}Q2,A2\n`);
    expect(blank).toMatchObject({ complete: false, cards: [{ front: "Q" }] });
    expect(blank.errors).toEqual([{ line: null, message: expect.stringContaining("empty lines") }]);
    // Lines that look like "#key:value" beyond the first 20 are read as cards (and fail as such).
    const meta = readCardFile(`${"#html:false\n".repeat(1000)}Q\tA\n`, "\t");
    expect(meta.errors.find((e) => e.line !== null)).toMatchObject({
      line: CARD_IMPORT_LIMITS.maxMetaLines + 1,
    });
  });

  it("suggests the separator when the one used leaves every line with one column (issue 16)", () => {
    const text = "Q1;A1\nQ2;A2, with a comma\nQ3;A3\n";
    const file = readCardFile(text, "\t");
    expect(file.cards).toEqual([]);
    expect(file.suggestedDelimiter).toBe(";");
    expect(file.errors[0]).toEqual({ line: null, message: expect.stringContaining('Choose "semicolon"') });
    expect(readCardFile(text, ";")).toMatchObject({ suggestedDelimiter: null, errors: [] });
    // One bad line among good ones suggests nothing.
    expect(readCardFile("Q1,A1\nQ2\nQ3,A3\n").suggestedDelimiter).toBeNull();
  });

  it("lets a file whose problems are on some lines import its other cards, on request", () => {
    const file = readCardFile("Q1,A1\nQ2,\nQ3,A3\n");
    expect(file).toMatchObject({ complete: true, problemLines: 1 });
    expect(importableCards(file, false)).toMatchObject({ ok: false });
    const skipping = importableCards(file, true);
    expect(skipping.ok && skipping.cards.map((c) => c.front)).toEqual(["Q1", "Q3"]);
  });

  it("lists rows that repeat an earlier card's front and back, and keeps each card once", () => {
    const file = readCardFile("Q1,A1\nQ2,A2\nQ1,A1\nQ1,Other\n Q2 , A2 \n");
    expect(file.cards.map((c) => c.line)).toEqual([1, 2, 4]);
    expect(file).toMatchObject({
      errors: [],
      duplicateCount: 2,
      duplicates: [
        { line: 3, firstLine: 1 },
        { line: 5, firstLine: 2 },
      ],
    });
  });

  it("keeps line breaks inside quoted fields, as LF", () => {
    const file = readCardFile('"Two\r\nlines",Back\r\nQ,"A\rB"\r\n');
    expect(file.cards.map((c) => [c.front, c.back])).toEqual([
      ["Two\nlines", "Back"],
      ["Q", "A\nB"],
    ]);
  });

  it("makes {{c1::…}} fronts cloze cards, whose back may be empty", () => {
    const file = readCardFile(
      [
        "K2 is {{c1::menaquinone}}.,",
        "{{c1::MK-7::form}} lasts {{c2::days}},Extra context",
        "Broken {{c1::open,Back",
        "Empty {{c1::  }},Back",
      ].join("\n"),
    );
    expect(file.cards.map(({ line, kind, back }) => ({ line, kind, back }))).toEqual([
      { line: 1, kind: "cloze", back: "" },
      { line: 2, kind: "cloze", back: "Extra context" },
    ]);
    // Every cloze card hides something the study page can show.
    for (const card of file.cards) expect(parseCloze(card.front).some((part) => part.hidden)).toBe(true);
    expect(file.errors).toEqual([
      { line: 3, message: expect.stringContaining("not closed") },
      { line: 4, message: expect.stringContaining("hides nothing") },
    ]);
  });
});

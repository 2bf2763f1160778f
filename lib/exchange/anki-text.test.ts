import { describe, expect, it } from "vitest";
import { type AnkiCard, ankiDeckText, ankiField, ankiTag } from "./anki-text";
import { parseDelimited } from "./delimited.mjs";

const card = (overrides: Partial<AnkiCard> = {}): AnkiCard => ({
  kind: "basic",
  front: "What does K2 activate?",
  back: "Matrix Gla protein",
  evidence: "human-rct",
  tags: [],
  sources: [{ document: "k2-article", quote: "K2 activates MGP." }],
  ...overrides,
});

const deck = (cards: AnkiCard[]) =>
  ankiDeckText({
    cards,
    documentTitles: { "k2-article": "Vitamin K2 and bone" },
    describeEvidence: (level) => (level === "human-rct" ? "Human RCT: a randomized trial in people." : level),
  });

/** Reads the file the way Anki does: header lines are comments, then tab-separated CSV records. */
function readLikeAnki(text: string) {
  const lines = text.split("\n");
  const header = lines.filter((line) => line.startsWith("#"));
  const body = lines.slice(header.length).join("\n");
  return { header, records: parseDelimited(body, "\t").records.map((r) => r.fields) };
}

describe("ankiField", () => {
  it("leaves plain text alone and quotes tabs, line breaks, quotes and a leading #", () => {
    expect(ankiField("plain, text; here")).toBe("plain, text; here");
    expect(ankiField("a\tb")).toBe('"a\tb"');
    expect(ankiField("line one\nline two")).toBe('"line one\nline two"');
    expect(ankiField("cr\r\nlf")).toBe('"cr\r\nlf"');
    expect(ankiField('the "MK-7" form')).toBe('"the ""MK-7"" form"');
    expect(ankiField("#1 cause")).toBe('"#1 cause"');
    expect(ankiField("<b>not html</b>")).toBe("<b>not html</b>");
  });
});

describe("ankiTag", () => {
  it("never contains whitespace or quotes", () => {
    expect(ankiTag("  Vitamin K2\tforms ")).toBe("Vitamin_K2_forms");
    expect(ankiTag('say "hi"')).toBe("say_hi");
  });
});

describe("ankiDeckText", () => {
  it("starts with Anki's header lines: separator first, then html, columns and the tags column", () => {
    const { header } = readLikeAnki(deck([card()]));
    expect(header).toEqual([
      "#separator:tab",
      "#html:false",
      "#columns:Front\tBack\tEvidence\tSource\tTags",
      "#tags column:5",
    ]);
  });

  it("writes Front, Back, Evidence and Source fields and evidence and source tags", () => {
    const { records } = readLikeAnki(deck([card({ tags: ["Vitamin K2 forms"] })]));
    expect(records).toEqual([
      [
        "What does K2 activate?",
        "Matrix Gla protein",
        "Human RCT: a randomized trial in people.",
        "“K2 activates MGP.” (Vitamin K2 and bone)",
        "evidence::human-rct source::k2-article Vitamin_K2_forms",
      ],
    ]);
  });

  it("round-trips tabs, line breaks, quotes and a leading # through Anki's reader", () => {
    const tricky = card({ front: '#1\t"tab" here', back: "two\nlines", sources: [], evidence: "personal" });
    const { records } = readLikeAnki(deck([tricky, card()]));
    expect(records).toHaveLength(2);
    expect(records[0]?.slice(0, 2)).toEqual(['#1\t"tab" here', "two\nlines"]);
    expect(records[0]?.[3]).toBe("");
    expect(records[0]?.[4]).toBe("evidence::personal");
  });

  it("shows a cloze's gaps in front and the whole sentence behind", () => {
    const cloze = card({
      kind: "cloze",
      front: "K2 is {{c1::menaquinone}} and {{c2::MK-7::a form}}.",
      back: "Extra",
    });
    const { records } = readLikeAnki(deck([cloze]));
    expect(records[0]?.slice(0, 2)).toEqual([
      "K2 is […] and [a form].",
      "K2 is menaquinone and MK-7.\n\nExtra",
    ]);
  });

  it("lists every cited passage in Source and tags each document once", () => {
    const two = card({
      sources: [
        { document: "k2-article", quote: "First." },
        { document: "k2-article", quote: "Second." },
        { document: "other-doc", quote: "Third." },
      ],
    });
    const { records } = readLikeAnki(deck([two]));
    expect(records[0]?.[3]).toBe(
      "“First.” (Vitamin K2 and bone)\n“Second.” (Vitamin K2 and bone)\n“Third.” (other-doc)",
    );
    expect(records[0]?.[4]).toBe("evidence::human-rct source::k2-article source::other-doc");
  });

  it("ends every line with a line break", () => {
    expect(deck([card()]).endsWith("\n")).toBe(true);
    expect(deck([]).split("\n")).toHaveLength(5);
  });
});

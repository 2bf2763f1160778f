import { describe, expect, it } from "vitest";
import { sourceDocument } from "./fixtures/files";
import { closestQuotePrefix, findQuote, normalizeQuote, quoteId } from "./quotes";

const growth = sourceDocument("k2-muscle-growth-mechanisms").body;
const review = sourceDocument("vitamin-k-bone-muscle-review").body;

describe("findQuote", () => {
  it("finds a verbatim quote with its range and line", () => {
    const quote = "A Japanese rat study found that supplementing with MK-4";
    const range = findQuote(growth, quote);
    expect(range).not.toBeNull();
    expect(growth.slice(range?.start, range?.end)).toBe(quote);
    expect(growth.split("\n")[(range?.line ?? 0) - 1]).toContain(quote);
  });

  it("returns null for a quote the document does not contain", () => {
    expect(findQuote(growth, "Vitamin K2 doubles muscle mass in four weeks.")).toBeNull();
    // One changed word is a different claim.
    expect(findQuote(growth, "A Japanese mouse study found that supplementing with MK-4")).toBeNull();
    expect(findQuote(growth, "   ")).toBeNull();
  });

  it("folds typographic quotes, dashes and whitespace on both sides", () => {
    // Source: "structural foundation—the bones" (em dash); quote types a hyphen and a line break.
    const range = findQuote(growth, "structural  foundation-the\nbones");
    expect(growth.slice(range?.start, range?.end)).toBe("structural foundation—the bones");
    // Source: straight apostrophe; quote: curly one.
    expect(findQuote(growth, "It’s important to note")).not.toBeNull();
    // Source: en dashes around "meta-analysis"; quote: hyphens.
    expect(
      findQuote(review, "reduced bone fractures by 24 percent - meta-analysis - May 2019"),
    ).not.toBeNull();
    // Source: curly apostrophe (document 001); quote: straight.
    expect(
      findQuote(sourceDocument("k2-muscle-health-blog").body, "optimising your body's ability"),
    ).not.toBeNull();
  });

  it("does not fold case", () => {
    expect(findQuote(growth, "a japanese rat study")).toBeNull();
  });
});

describe("quoteId", () => {
  const quote = "It's important to note that these findings are primarily from animal models";

  it("is short, stable and insensitive to typography and wrapping", () => {
    const id = quoteId("k2-muscle-growth-mechanisms", quote);
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(
      quoteId(
        "k2-muscle-growth-mechanisms",
        "It’s important to note that these findings\n are primarily from animal models ",
      ),
    ).toBe(id);
    expect(normalizeQuote("“a”  –  b")).toBe('"a" - b');
  });

  it("differs between documents and between quotes", () => {
    const id = quoteId("k2-muscle-growth-mechanisms", quote);
    expect(quoteId("k2-muscle-cramps", quote)).not.toBe(id);
    expect(quoteId("k2-muscle-growth-mechanisms", `${quote}.`)).not.toBe(id);
  });
});

describe("closestQuotePrefix", () => {
  it("shows where a misquote leaves the source", () => {
    const near = closestQuotePrefix(
      growth,
      "A Japanese rat study found that supplementing with MK-7 for five weeks",
    );
    expect(near?.matched.endsWith("supplementing with MK-")).toBe(true);
    expect(near?.sourceNext.startsWith("4 for five weeks")).toBe(true);
    expect(closestQuotePrefix(growth, "Completely unrelated words")).toBeNull();
  });
});

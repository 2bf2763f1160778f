import { describe, expect, it } from "vitest";
import { buildContent } from "./build-content";
import { fixtureDeck, SOURCE_SLUGS, sourceFile } from "./fixtures/files";
import { formatIssue } from "./issues";

const sources = SOURCE_SLUGS.map(sourceFile);

describe("buildContent with fixture decks", () => {
  it("accepts a valid deck and resolves every quote", () => {
    const build = buildContent([...sources, fixtureDeck("valid-deck", "fixture")]);
    expect(build.errors.map(formatIssue)).toEqual([]);
    const [deck] = build.decks;
    expect(deck?.cards.map((c) => c.id)).toEqual(["fx-c01", "fx-c02"]);
    expect(deck?.cards[0]?.sources.every((s) => s.range !== null && /^[0-9a-f]{12}$/.test(s.quoteId))).toBe(
      true,
    );
    expect(deck?.cards[0]?.origin).toEqual({ file: "content/decks/fixture.yaml", line: 7 });
    expect(build.documents.map((d) => d.slug)).toEqual([...SOURCE_SLUGS]);
  });

  it("reports each mistake in a broken deck at its file and line", () => {
    const build = buildContent([...sources, fixtureDeck("broken-deck", "broken")]);
    const at = (line: number) => build.errors.filter((e) => e.line === line).map((e) => e.message);
    expect(build.errors.every((e) => e.file === "content/decks/broken.yaml")).toBe(true);
    expect(at(9).join()).toMatch(
      /br-c01 is labelled human-rct but its quotes only describe animal evidence \(cues: rat\)/,
    );
    expect(at(22).join()).toMatch(/quote not found in k2-muscle-growth-mechanisms/);
    expect(at(23).join()).toMatch(/id "br-c01" is already used at content\/decks\/broken.yaml:7/);
    expect(at(29).join()).toMatch(/no source document "no-such-source"/);
    expect(at(37).join()).toMatch(/answer "Kale" is not among choices/);
    expect(at(42).join()).toMatch(/tests unknown card "br-c99"/);
    expect(at(47).join()).toMatch(/true-false choices are exactly/);
    expect(at(55).join()).toMatch(/^quiz\.2\.kind: /);
    expect(build.errors).toHaveLength(8);
  });

  it("lets content/evidence.yaml confirm a label the cue check would reject", () => {
    const evidence = {
      path: "content/evidence.yaml",
      text: "br-c01:\n  evidence: human-rct\n  reason: A test of the override path only.\n",
    };
    const build = buildContent([...sources, fixtureDeck("broken-deck", "broken"), evidence]);
    expect(build.errors.some((e) => e.line === 9)).toBe(false);
    const stale = buildContent([
      ...sources,
      fixtureDeck("broken-deck", "broken"),
      { ...evidence, text: `${evidence.text}gone:\n  evidence: animal\n  reason: No such item exists.\n` },
    ]);
    const evidenceErrors = stale.errors.filter((e) => e.file === "content/evidence.yaml").map(formatIssue);
    expect(evidenceErrors).toEqual(['content/evidence.yaml:4: no card or quiz item has id "gone"']);
  });

  it("merges generated table items into the deck named in content/tables.yaml", () => {
    const tables = {
      path: "content/tables.yaml",
      text: "tables:\n  - document: k2-muscle-cramps\n    table: 1\n    deck: fixture\n    evidence: background\n",
    };
    const build = buildContent([...sources, fixtureDeck("valid-deck", "fixture"), tables]);
    expect(build.errors.map(formatIssue)).toEqual([]);
    const deck = build.decks[0];
    expect(deck?.cards.filter((c) => c.generated)).toHaveLength(16);
    expect(deck?.quiz.filter((q) => q.generated)).toHaveLength(4);
    const card = deck?.cards.find((c) => c.id === "k2-muscle-cramps.primary-function.calcium");
    expect(card?.back).toBe("Muscle contraction, bone health, nerve signaling");
    expect(card?.origin).toEqual({ file: "content/sources/k2-muscle-cramps.md", line: 23 });
    // A table cell is the document's summary, not a study: every generated item carries the caveat.
    expect(card?.caveatText).toBe("Claim of the article, not a study");

    const unplaced = buildContent([
      ...sources,
      { ...tables, text: tables.text.replace("deck: fixture", "deck: later") },
    ]);
    expect(unplaced.errors).toEqual([]);
    expect(unplaced.warnings.map(formatIssue)).toEqual([
      'content/tables.yaml:4: no deck "later"; its 20 generated items are left out',
    ]);

    const wrong = buildContent([
      ...sources,
      { ...tables, text: tables.text.replace("table: 1", "table: 2") },
    ]);
    expect(wrong.errors.map(formatIssue)).toEqual(["content/tables.yaml:3: k2-muscle-cramps has no table 2"]);
  });

  it("reports a YAML syntax error with its line and ignores unrelated files", () => {
    const bad = { path: "content/decks/bad.yaml", text: "slug: bad\ntitle: [unclosed\n" };
    const build = buildContent([...sources, bad, { path: "content/README.md", text: "# not content" }]);
    expect(build.errors).toHaveLength(1);
    expect(build.errors[0]?.file).toBe("content/decks/bad.yaml");
    expect(build.errors[0]?.line).toBeGreaterThanOrEqual(2);
  });
});

import { describe, expect, it } from "vitest";
import { buildContent } from "./build-content";
import {
  answerIsLongest,
  caveatForQuote,
  checkGuessableQuiz,
  documentNumberIn,
  findCrossDeckDuplicates,
  hiddenHedges,
  missingLockedIds,
  parseIdsLock,
} from "./deck-checks";
import { fixtureDeck, SOURCE_SLUGS, sourceDocument, sourceFile } from "./fixtures/files";
import { formatIssue } from "./issues";
import type { QuizInput } from "./schema";

const base = {
  evidence: "background" as const,
  explanation: "An explanation long enough for the schema.",
  cards: ["c1"],
  sources: [{ document: "d", quote: "a long enough quote" }],
};
const trueFalse = (id: string, answer: "True" | "False"): QuizInput => ({
  ...base,
  id,
  kind: "true-false",
  prompt: "A statement",
  choices: ["True", "False"],
  answer,
});
const choice = (id: string, choices: string[], answer: string): QuizInput => ({
  ...base,
  id,
  kind: "multiple-choice",
  prompt: "A question?",
  choices,
  answer,
});

describe("checkGuessableQuiz", () => {
  it("fails a deck whose true/false answers are nearly all False, and passes a balanced one", () => {
    const allFalse = ["a", "b", "c", "d", "e"].map((id) => trueFalse(id, "False"));
    expect(checkGuessableQuiz(allFalse).map((p) => p.message)).toEqual([
      expect.stringMatching(/true\/false answers are unbalanced: 0 True, 5 False/),
    ]);
    const balanced = [...allFalse.slice(0, 3), trueFalse("t1", "True"), trueFalse("t2", "True")];
    expect(checkGuessableQuiz(balanced)).toEqual([]);
    // Retired items are not shown, so they do not count.
    expect(checkGuessableQuiz(allFalse.map((q) => ({ ...q, retired: true })))).toEqual([]);
  });

  it("fails a deck whose right multiple-choice answer is usually the longest choice", () => {
    const giveaway = (id: string) =>
      choice(id, ["The long and detailed right answer", "No", "Maybe"], "The long and detailed right answer");
    const fair = (id: string) => choice(id, ["Short", "A much longer wrong answer", "Other"], "Short");
    expect(answerIsLongest(giveaway("x"))).toBe(true);
    expect(answerIsLongest(fair("x"))).toBe(false);
    const tooMany = [giveaway("g1"), giveaway("g2"), giveaway("g3"), fair("f1"), fair("f2")];
    expect(
      checkGuessableQuiz(tooMany)
        .map((p) => p.message)
        .join(),
    ).toMatch(/longest choice in 3 of 5 multiple-choice items \(at most 40%\): g1, g2, g3/);
    expect(checkGuessableQuiz([giveaway("g1"), giveaway("g2"), fair("f1"), fair("f2"), fair("f3")])).toEqual(
      [],
    );
  });

  it("fails a matching item with fewer than three pairs (the last pair is free)", () => {
    const matching = (id: string, n: number): QuizInput => ({
      ...base,
      id,
      kind: "matching",
      prompt: "Match them",
      choices: ["1", "2", "3"].slice(0, n),
      pairs: ["1", "2", "3"].slice(0, n).map((r) => ({ left: `L${r}`, right: r })),
    });
    expect(checkGuessableQuiz([matching("two", 2), matching("three", 3)])).toEqual([
      { id: "two", message: "matching item two has 2 pairs; it needs at least 3" },
    ]);
  });
});

describe("findCrossDeckDuplicates", () => {
  const item = (id: string, deck: string, text: string, quotes = [`quote of ${id}`]) => ({
    id,
    deck,
    type: "card" as const,
    kind: "card:basic",
    text,
    quotes,
  });

  it("finds near-identical fronts and identical quotes across decks, not within one deck", () => {
    const found = findCrossDeckDuplicates([
      item("a", "one", "Which K2 form raised testosterone in rats?"),
      item("b", "two", "Which K2 form raised testosterone in rats, per the article?"),
      item("c", "one", "Which K2 form raised testosterone in rats?"),
      item("d", "two", "An unrelated front about natto", ["Shared quote"]),
      item("e", "three", "Something else entirely", ["shared  quote"]),
    ]);
    expect(found.map(({ a, b, why }) => `${a.id}-${b.id}: ${why}`)).toEqual([
      "a-b: wording 100% alike",
      "b-c: wording 100% alike",
      "d-e: the same quotes",
    ]);
  });

  it("does not compare a quiz item with the card it tests", () => {
    const card = item("c1", "one", "Which K2 form raised testosterone in rats?");
    const quiz = { ...card, id: "q1", deck: "two", type: "quiz" as const, kind: "quiz:multiple-choice" };
    expect(findCrossDeckDuplicates([card, quiz])).toEqual([]);
  });
});

describe("documentNumberIn", () => {
  it("finds document numbers and file names, not other numbers", () => {
    expect(documentNumberIn("Document 002's list labels it an RCT")).toBe("Document 002");
    expect(documentNumberIn("as article 004 says")).toBe("article 004");
    expect(documentNumberIn("Documents 000 and 003 agree")).toBe("Documents 000");
    expect(documentNumberIn("see 003_3c87c4afc5dc9bf1.txt")).toBe("003_3c87c4afc5dc9bf1.txt");
    expect(documentNumberIn("180 µg of MK-7 in a 2013 trial; 1.4 X more likely")).toBeNull();
  });
});

describe("hiddenHedges", () => {
  it("finds a cloze that hides a hedge word, not one that hides the fact", () => {
    expect(
      hiddenHedges("Emerging research indicates that Vitamin K2 {{c1::may}} also exert effects"),
    ).toEqual(["may"]);
    expect(hiddenHedges("K2 {{c1::might::hedge}} inhibit channels")).toEqual(["might"]);
    expect(hiddenHedges("MK-7 comes mainly from {{c1::fermented foods}}; it may help")).toEqual([]);
  });
});

describe("caveatForQuote", () => {
  it("asks a study-list line for the headline caveat and a table cell for the claim caveat", () => {
    const review = sourceDocument("vitamin-k-bone-muscle-review");
    expect(caveatForQuote(review, "Vitamin K2 from natto improved bone mineral density – March 2011")).toBe(
      "headline",
    );
    // The abstract above the study list is running text of a journal abstract.
    expect(
      caveatForQuote(
        review,
        "However, interventional studies for vitamin K supplementation yielded conflicting results.",
      ),
    ).toBeNull();
    const cramps = sourceDocument("k2-muscle-cramps");
    expect(
      caveatForQuote(
        cramps,
        "Strong emerging evidence, especially for NLCs in older adults and dialysis patients",
      ),
    ).toBe("claim");
    expect(
      caveatForQuote(cramps, "The prevailing theory regarding vitamin K2's role in muscle function"),
    ).toBeNull();
  });
});

describe("ids.lock", () => {
  it("parses one id a line and reports locked ids that no longer exist", () => {
    const locked = parseIdsLock("# every id ever published\nmk-c01\n\nmk-c02\n");
    expect(locked).toEqual(["mk-c01", "mk-c02"]);
    expect(missingLockedIds(locked, new Set(["mk-c01"]))).toEqual(["mk-c02"]);
  });
});

describe("deck rules in buildContent", () => {
  const sources = SOURCE_SLUGS.map(sourceFile);
  const deck = fixtureDeck("valid-deck", "fixture");

  it("fails when a published id disappears (renamed) and when a new id is not locked", () => {
    const lock = { path: "content/ids.lock", text: "fx-c01\nfx-c02\nfx-q01\nfx-q02\nfx-q03\n" };
    expect(buildContent([...sources, deck, lock]).errors).toEqual([]);
    const renamed = {
      ...deck,
      text: deck.text
        .replace("id: fx-c02", "id: fx-c02b")
        .replaceAll("fx-c02]", "fx-c02b]")
        .replaceAll("fx-c02,", "fx-c02b,"),
    };
    const messages = buildContent([...sources, renamed, lock]).errors.map(formatIssue);
    expect(messages).toContain(
      'content/ids.lock:2: id "fx-c02" was published but no longer exists; retire it instead of removing or renaming it',
    );
    expect(messages.join()).toMatch(/id "fx-c02b" is not in content\/ids.lock/);
  });

  it("checks include lists: the card exists, lives in another deck and is not retired", () => {
    const other = {
      path: "content/decks/other.yaml",
      text: "slug: other\ntitle: Other\ndescription: Includes cards.\norder: 1\ninclude:\n  - fx-c01\n  - fx-nope\ncards: []\nquiz: []\n",
    };
    const build = buildContent([...sources, deck, other]);
    expect(build.errors.map(formatIssue)).toEqual([
      'content/decks/other.yaml:7: include: no card has id "fx-nope"',
    ]);
    expect(build.decks.find((d) => d.slug === "other")?.include).toEqual(["fx-c01", "fx-nope"]);
    const self = {
      ...other,
      text: other.text.replace("slug: other", "slug: fixture2").replace("  - fx-nope\n", ""),
    };
    const retired = { ...deck, text: deck.text.replace("kind: basic", "kind: basic\n    retired: true") };
    const errors = buildContent([
      ...sources,
      retired,
      { ...self, path: "content/decks/fixture2.yaml" },
    ]).errors;
    expect(errors.map((e) => e.message)).toContain('include: card "fx-c01" is retired');
  });

  it("fails a study-list quote without its caveat and a document number in learner text", () => {
    const headline = {
      path: "content/decks/headline.yaml",
      text: [
        "slug: headline",
        "title: Headline",
        "description: One card.",
        "order: 2",
        "cards:",
        "  - id: hl-c01",
        "    kind: basic",
        "    evidence: unverified",
        "    front: What does Document 002 say natto improved?",
        "    back: Bone mineral density.",
        "    sources:",
        "      - document: vitamin-k-bone-muscle-review",
        '        quote: "Vitamin K2 from natto improved bone mineral density – March 2011"',
        "quiz: []",
        "",
      ].join("\n"),
    };
    const messages = buildContent([...sources, headline]).errors.map(formatIssue);
    expect(messages).toEqual([
      'content/decks/headline.yaml:6: hl-c01 names "Document 002"; learners see document titles, not numbers or files',
      "content/decks/headline.yaml:6: hl-c01 quotes a study-list headline of vitamin-k-bone-muscle-review; add `caveat: headline`",
    ]);
    const fixed = headline.text
      .replace("Document 002", "the study list")
      .replace("evidence: unverified", "evidence: unverified\n    caveat: headline");
    const build = buildContent([...sources, { ...headline, text: fixed }]);
    expect(build.errors).toEqual([]);
    expect(build.decks[0]?.cards[0]?.caveatText).toBe(
      "Study-list headline: the study itself is not quoted or checked",
    );
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { toContentExport } from "./export-content";
import { REPO_ROOT, SOURCE_SLUGS } from "./fixtures/files";
import { formatIssue } from "./issues";
import { loadContentFromDisk } from "./load";
import type { ContentBuild } from "./types";

// Runs over the real content/ folder: it fails whenever a deck file written by anyone is invalid.
describe("the repository's content/ folder", () => {
  let build: ContentBuild;
  beforeAll(async () => {
    build = await loadContentFromDisk(REPO_ROOT);
  });

  it("builds with zero errors", () => {
    expect(build.errors.map(formatIssue)).toEqual([]);
  });

  it("has the five source documents", () => {
    expect(build.documents.map((d) => d.slug)).toEqual([...SOURCE_SLUGS]);
  });

  it("exports the content:export contract without retired items", () => {
    const exported = toContentExport(build);
    expect(exported.documents[0]).toEqual({
      slug: "k2-muscle-growth-mechanisms",
      title: build.documents[0]?.title,
      file: "content/sources/k2-muscle-growth-mechanisms.md",
    });
    const retired = new Set(
      build.decks
        .flatMap((d) => [...d.cards, ...d.quiz])
        .filter((i) => i.retired)
        .map((i) => i.id),
    );
    for (const deck of exported.decks) {
      for (const card of deck.cards)
        expect(Object.keys(card)).toEqual([
          "id",
          "kind",
          "front",
          "back",
          "evidence",
          "caveat",
          "sources",
          "decks",
        ]);
      for (const q of deck.quiz) {
        expect(retired.has(q.id)).toBe(false);
        expect(typeof q.answer === "string" ? q.choices.includes(q.answer) : q.kind === "matching").toBe(
          true,
        );
      }
    }
  });
});

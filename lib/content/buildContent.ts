import { checkItems, type ItemEntry } from "./contentChecks";
import { EVIDENCE_FILE, readCuratedEvidence, readTableSettings, TABLES_FILE } from "./contentConfig";
import { type ParsedDeck, parseDeckFile } from "./deckFile";
import { IssueLog } from "./issues";
import { findQuote, quoteId } from "./quotes";
import type { SourceRef } from "./schema";
import { parseSourceFile, type SourceDocument } from "./sourceFile";
import { assignedTableItems } from "./tableAssignments";
import type { Card, CitedSource, ContentBuild, ContentFile, Deck, QuizItem } from "./types";

const SOURCE_FILE = /^content\/sources\/[^/]+\.md$/;
const DECK_FILE = /^content\/decks\/[^/]+\.ya?ml$/;

function deckEntries(deck: ParsedDeck): ItemEntry[] {
  const base = { deck: deck.slug, file: deck.file, generated: false };
  return [
    ...deck.cards.map((c) => ({ ...base, ...c, type: "card" as const })),
    ...deck.quiz.map((q) => ({ ...base, ...q, type: "quiz" as const })),
  ];
}

function cite(documents: ReadonlyMap<string, SourceDocument>, sources: SourceRef[]): CitedSource[] {
  return sources.map(({ document, quote }) => {
    const body = documents.get(document)?.body;
    return {
      document,
      quote,
      quoteId: quoteId(document, quote),
      range: body ? findQuote(body, quote) : null,
    };
  });
}

/**
 * Validates and assembles all content from its files (paths relative to the repository root):
 * content/sources/*.md, content/decks/*.yaml, content/evidence.yaml and content/tables.yaml.
 * Generated table items are merged into the decks tables.yaml names. Other paths are ignored.
 */
export function buildContent(files: readonly ContentFile[]): ContentBuild {
  const log = new IssueLog();
  const textOf = (path: string) => files.find((f) => f.path === path)?.text;
  const documents = new Map<string, SourceDocument>();
  for (const f of files.filter((f) => SOURCE_FILE.test(f.path))) {
    const doc = parseSourceFile(f.path, f.text, log);
    if (doc) documents.set(doc.slug, doc);
  }
  const parsedDecks = files
    .filter((f) => DECK_FILE.test(f.path))
    .flatMap((f) => parseDeckFile(f.path, f.text, log) ?? []);
  const seen = new Map<string, string>();
  for (const deck of parsedDecks) {
    const other = seen.get(deck.slug);
    if (other) log.error(deck.file, 1, `deck slug "${deck.slug}" is also used by ${other}`);
    seen.set(deck.slug, deck.file);
  }
  const curated = readCuratedEvidence(textOf(EVIDENCE_FILE), log);
  const settings = readTableSettings(textOf(TABLES_FILE), log);
  const generated = assignedTableItems(settings, documents, new Set(seen.keys()), curated, log);
  const entries = [...parsedDecks.flatMap(deckEntries), ...generated.entries];
  checkItems(entries, documents, curated, log, generated.unplaced);

  const decks: Deck[] = parsedDecks.map(({ cards: _c, quiz: _q, ...deck }) => {
    const cards: Card[] = [];
    const quiz: QuizItem[] = [];
    for (const e of entries.filter((e) => e.deck === deck.slug)) {
      const built = {
        deck: deck.slug,
        generated: e.generated,
        origin: { file: e.file, line: e.line },
      };
      if (e.type === "card") cards.push({ ...e.value, ...built, sources: cite(documents, e.value.sources) });
      else quiz.push({ ...e.value, ...built, sources: cite(documents, e.value.sources) });
    }
    return { ...deck, cards, quiz };
  });
  decks.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  const sortedDocuments = [...documents.values()].sort((a, b) =>
    a.meta.originalFile.localeCompare(b.meta.originalFile),
  );
  return { documents: sortedDocuments, decks, errors: log.errors, warnings: log.warnings };
}

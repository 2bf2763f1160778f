import { checkItems, type ItemEntry } from "./content-checks";
import { EVIDENCE_FILE, readCuratedEvidence, readTableSettings, TABLES_FILE } from "./content-config";
import {
  caveatForQuote,
  caveatText,
  checkGuessableQuiz,
  documentNumberIn,
  findCrossDeckDuplicates,
  hiddenHedges,
  learnerText,
  missingLockedIds,
  parseIdsLock,
} from "./deck-checks";
import { type ParsedDeck, parseDeckFile } from "./deck-file";
import { IssueLog } from "./issues";
import { findQuote, quoteId } from "./quotes";
import type { QuizInput, SourceRef } from "./schema";
import { parseSourceFile, type SourceDocument } from "./source-file";
import { assignedTableItems } from "./table-assignments";
import type { Card, CitedSource, ContentBuild, ContentFile, Deck, QuizItem } from "./types";

export const IDS_LOCK_FILE = "content/ids.lock";
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
  checkDecks(parsedDecks, entries, documents, log);
  checkIdsLock(textOf(IDS_LOCK_FILE), entries, generated.unplaced, log);
  const caveatOf = (e: ItemEntry) => {
    if (!e.value.caveat) return null;
    const kinds = e.value.sources.flatMap((s) => [documents.get(s.document)?.meta.kind ?? []].flat());
    return caveatText(
      e.value.caveat,
      kinds.includes("blog") && !kinds.includes("article") ? "blog" : "article",
    );
  };

  const decks: Deck[] = parsedDecks.map(({ cards: _c, quiz: _q, ...deck }) => {
    const cards: Card[] = [];
    const quiz: QuizItem[] = [];
    for (const e of entries.filter((e) => e.deck === deck.slug)) {
      const built = {
        deck: deck.slug,
        generated: e.generated,
        origin: { file: e.file, line: e.line },
        caveatText: caveatOf(e),
      };
      if (e.type === "card") cards.push({ ...e.value, ...built, sources: cite(documents, e.value.sources) });
      else quiz.push({ ...e.value, ...built, sources: cite(documents, e.value.sources) });
    }
    const { lineOf: _l, include, ...header } = deck;
    return { ...header, cards, quiz, include };
  });
  decks.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  const sortedDocuments = [...documents.values()].sort((a, b) =>
    a.meta.originalFile.localeCompare(b.meta.originalFile),
  );
  return { documents: sortedDocuments, decks, errors: log.errors, warnings: log.warnings };
}

/**
 * Deck-level rules: includes name live cards of other decks; quizzes are not guessable; no fact is
 * taught twice across decks; no document numbers in learner-facing text; quotes from a study list
 * or a comparison table carry their caveat.
 */
function checkDecks(
  decks: readonly ParsedDeck[],
  entries: readonly ItemEntry[],
  documents: ReadonlyMap<string, SourceDocument>,
  log: IssueLog,
) {
  const byId = new Map(entries.map((e) => [e.value.id, e]));
  const at = (e: ItemEntry) => (message: string) => log.error(e.file, e.line, message);
  for (const deck of decks) {
    const includeLine = (i: number) => deck.lineOf(["include", i]);
    const seen = new Set<string>();
    for (const [i, id] of deck.include.entries()) {
      const card = byId.get(id);
      const problem =
        card?.type !== "card"
          ? `include: no card has id "${id}"`
          : card.deck === deck.slug
            ? `include: "${id}" is already a card of this deck`
            : card.value.retired
              ? `include: card "${id}" is retired`
              : seen.has(id)
                ? `include: "${id}" is listed twice`
                : null;
      if (problem) log.error(deck.file, includeLine(i), problem);
      seen.add(id);
    }
    const quiz = entries.filter((e) => e.deck === deck.slug && e.type === "quiz");
    for (const p of checkGuessableQuiz(quiz.map((e) => e.value as QuizInput))) {
      const e = p.id ? byId.get(p.id) : undefined;
      log.error(e?.file ?? deck.file, e?.line ?? deck.lineOf(["quiz"]), p.message);
    }
  }
  const live = entries.filter((e) => !e.value.retired);
  const candidates = live.map((e) => ({
    id: e.value.id,
    deck: e.deck,
    type: e.type,
    kind: e.type === "card" ? `card:${e.value.kind}` : `quiz:${e.value.kind}`,
    text: e.type === "card" ? e.value.front : e.value.prompt,
    quotes: e.value.sources.map((s) => s.quote),
  }));
  for (const { a, b, why } of findCrossDeckDuplicates(candidates)) {
    const entry = byId.get(b.id);
    if (entry)
      at(entry)(
        `${b.id} repeats ${a.id} (${a.deck}): ${why}; keep one card and \`include:\` it, retire the other`,
      );
  }
  for (const e of live) {
    for (const text of learnerText(e.value)) {
      const named = documentNumberIn(text);
      if (named) at(e)(`${e.value.id} names "${named}"; learners see document titles, not numbers or files`);
    }
    if (e.type === "card" && e.value.kind === "cloze") {
      for (const word of hiddenHedges(e.value.front))
        at(e)(`${e.value.id} hides the hedge "${word}"; hide the fact, keep the hedge in view`);
    }
    if (e.value.caveat) continue;
    for (const s of e.value.sources) {
      const doc = documents.get(s.document);
      const needed = doc && caveatForQuote(doc, s.quote);
      if (needed) {
        const what = needed === "headline" ? "a study-list headline" : "a comparison-table cell";
        at(e)(`${e.value.id} quotes ${what} of ${s.document}; add \`caveat: ${needed}\``);
        break;
      }
    }
  }
}

/**
 * content/ids.lock lists every id ever published. An id that left the content orphans learners'
 * progress (retire it instead); a new id must be added so the next removal is caught.
 */
function checkIdsLock(
  text: string | undefined,
  entries: readonly ItemEntry[],
  unplaced: ReadonlySet<string>,
  log: IssueLog,
) {
  if (text === undefined) return;
  const locked = parseIdsLock(text);
  const defined = new Set([...entries.map((e) => e.value.id), ...unplaced]);
  const lines = text.split("\n");
  for (const id of missingLockedIds(locked, defined)) {
    const line = lines.findIndex((l) => l.trim() === id) + 1;
    log.error(
      IDS_LOCK_FILE,
      line,
      `id "${id}" was published but no longer exists; retire it instead of removing or renaming it`,
    );
  }
  const lockedSet = new Set(locked);
  for (const e of entries) {
    if (!lockedSet.has(e.value.id))
      log.error(e.file, e.line, `id "${e.value.id}" is not in ${IDS_LOCK_FILE}; run npm run content:lock`);
  }
}

import type { CuratedEvidence } from "./content-config";
import { EVIDENCE_FILE } from "./content-config";
import { isHumanLevel, NON_HUMAN_LEVELS } from "./evidence-cues";
import type { IssueLog } from "./issues";
import { checkQuizAnswer } from "./quiz-rules";
import { reviewEvidence } from "./quote-evidence";
import { closestQuotePrefix, findQuote } from "./quotes";
import type { CardInput, QuizInput } from "./schema";
import type { SourceDocument } from "./source-file";
import type { EvidenceOrigin } from "./table-items";
import type { YamlPath } from "./yaml-file";

type EntryBase = {
  deck: string;
  file: string;
  line: number;
  lineOf: (path: YamlPath) => number;
  generated: boolean;
  evidenceFrom?: EvidenceOrigin;
};
/** A card or quiz item from any deck or table, with where it was defined. */
export type ItemEntry = EntryBase & ({ type: "card"; value: CardInput } | { type: "quiz"; value: QuizInput });

type Report = (path: YamlPath, message: string) => void;

const CLOZE = /\{\{c\d+::[^}]+\}\}/;

/** Checks that look across items: ids, quotes, card references, answers and evidence labels. */
export function checkItems(
  items: readonly ItemEntry[],
  documents: ReadonlyMap<string, SourceDocument>,
  curated: CuratedEvidence,
  log: IssueLog,
  /** Ids that exist but are not placed in a deck (their table's deck is missing). */
  unplaced: ReadonlySet<string> = new Set(),
): void {
  const byId = new Map<string, ItemEntry>();
  for (const item of items) {
    const { id } = item.value;
    const first = byId.get(id);
    if (first) log.error(item.file, item.line, `id "${id}" is already used at ${first.file}:${first.line}`);
    else byId.set(id, item);
  }
  for (const item of items) {
    const error: Report = (path, message) => log.error(item.file, item.lineOf(path), message);
    const warn: Report = (path, message) => log.warn(item.file, item.lineOf(path), message);
    checkQuotes(item, documents, error);
    if (item.type === "card" && item.value.kind === "cloze" && !CLOZE.test(item.value.front)) {
      error(["front"], "a cloze card's front hides text as {{c1::...}}");
    }
    if (item.type === "quiz") {
      for (const p of checkQuizAnswer(item.value)) error(p.path, p.message);
      checkTestedCards(item.value, byId, error, warn);
    }
    checkEvidence(item, curated, error, warn);
  }
  for (const id of Object.keys(curated.entries)) {
    if (!byId.has(id) && !unplaced.has(id)) {
      log.error(EVIDENCE_FILE, curated.lineOf([id]), `no card or quiz item has id "${id}"`);
    }
  }
}

function checkQuotes(item: ItemEntry, documents: ReadonlyMap<string, SourceDocument>, error: Report) {
  for (const [i, source] of item.value.sources.entries()) {
    const doc = documents.get(source.document);
    if (!doc) {
      error(["sources", i, "document"], `no source document "${source.document}"`);
    } else if (!findQuote(doc.body, source.quote)) {
      const near = closestQuotePrefix(doc.body, source.quote);
      const hint = near
        ? `; it matches up to "…${near.matched}" where the source goes on "${near.sourceNext}"`
        : "";
      error(["sources", i, "quote"], `quote not found in ${doc.slug}${hint}`);
    }
  }
}

function checkTestedCards(
  quiz: QuizInput,
  byId: ReadonlyMap<string, ItemEntry>,
  error: Report,
  warn: Report,
) {
  for (const [i, id] of quiz.cards.entries()) {
    const card = byId.get(id);
    if (card?.type !== "card") {
      error(["cards", i], `quiz ${quiz.id} tests unknown card "${id}"`);
      continue;
    }
    if (card.value.retired && !quiz.retired)
      error(["cards", i], `quiz ${quiz.id} tests retired card "${id}"`);
    // A human-labelled question about an animal or cell finding would teach it as a human result.
    if (isHumanLevel(quiz.evidence) && NON_HUMAN_LEVELS.includes(card.value.evidence)) {
      warn(["cards", i], `quiz ${quiz.id} is ${quiz.evidence} but tests ${card.value.evidence} card "${id}"`);
    }
  }
}

function checkEvidence(item: ItemEntry, curated: CuratedEvidence, error: Report, warn: Report) {
  // A retired item is no longer shown; its label stays only as a record of what learners saw.
  if (item.value.retired) return;
  const review = reviewEvidence(item.value, curated.entries[item.value.id]);
  for (const message of review.errors) error(["evidence"], message);
  for (const message of review.warnings) warn(["evidence"], message);
  if (item.evidenceFrom === "cue" && isHumanLevel(item.value.evidence)) {
    warn(
      ["evidence"],
      `${item.value.id} is ${item.value.evidence} from cue words only; confirm it in ${EVIDENCE_FILE}`,
    );
  }
}

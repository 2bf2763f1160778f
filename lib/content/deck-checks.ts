// Checks over whole decks and the whole content set: what one item cannot show on its own
// (guessable quizzes, the same fact taught twice, ids that vanished, missing source caveats).

import { findQuote } from "./quotes";
import type { CardInput, CaveatKind, QuizInput } from "./schema";
import type { SourceDocument } from "./source-file";

/** A problem found by a deck-level check, reported at `id`'s line (or the deck's when no id). */
export type DeckProblem = { id?: string; message: string };

type Item = { id: string; retired?: boolean };
const active = <T extends Item>(items: readonly T[]) => items.filter((i) => !i.retired);

/** Below these counts a deck has too few items for a share to mean anything. */
export const MIN_TRUE_FALSE = 3;
export const MIN_MULTIPLE_CHOICE = 3;
/** Each answer of a deck's true/false items must be at least this share of them. */
export const TRUE_FALSE_MIN_SHARE = 1 / 3;
/** The right answer may be the longest choice in at most this share of multiple-choice items. */
export const LONGEST_ANSWER_MAX_SHARE = 0.4;
export const MIN_MATCHING_PAIRS = 3;

/** True when `answer` is strictly longer than every other choice (a give-away). */
export function answerIsLongest(item: Pick<QuizInput, "choices" | "answer">): boolean {
  const answer = item.answer;
  if (answer === undefined) return false;
  return item.choices.every((c) => c === answer || c.length < answer.length);
}

/**
 * Quiz items a learner could answer without knowing the content: a deck whose true/false items
 * are nearly all True (or all False), one whose right multiple-choice answer is usually the
 * longest choice, and matching items with fewer than three pairs (the last pair is free).
 */
export function checkGuessableQuiz(quiz: readonly QuizInput[]): DeckProblem[] {
  const problems: DeckProblem[] = [];
  const live = active(quiz);
  const trueFalse = live.filter((q) => q.kind === "true-false");
  if (trueFalse.length >= MIN_TRUE_FALSE) {
    const trues = trueFalse.filter((q) => q.answer === "True").length;
    const minority = Math.min(trues, trueFalse.length - trues);
    if (minority < Math.ceil(trueFalse.length * TRUE_FALSE_MIN_SHARE)) {
      problems.push({
        message:
          `true/false answers are unbalanced: ${trues} True, ${trueFalse.length - trues} False ` +
          `(each needs at least a third of the deck's ${trueFalse.length})`,
      });
    }
  }
  const choice = live.filter((q) => q.kind === "multiple-choice" && q.choices.length >= 3);
  if (choice.length >= MIN_MULTIPLE_CHOICE) {
    const longest = choice.filter(answerIsLongest);
    if (longest.length > choice.length * LONGEST_ANSWER_MAX_SHARE) {
      problems.push({
        message:
          `the right answer is the longest choice in ${longest.length} of ${choice.length} ` +
          `multiple-choice items (at most ${Math.round(LONGEST_ANSWER_MAX_SHARE * 100)}%): ` +
          longest.map((q) => q.id).join(", "),
      });
    }
  }
  for (const q of live) {
    if (q.kind === "matching" && (q.pairs?.length ?? 0) < MIN_MATCHING_PAIRS) {
      problems.push({
        id: q.id,
        message: `matching item ${q.id} has ${q.pairs?.length ?? 0} pairs; it needs at least ${MIN_MATCHING_PAIRS}`,
      });
    }
  }
  return problems;
}

// Words that carry no content of their own; left out when comparing fronts and prompts.
const STOP = new Set(
  (
    "a an the and or of in on to for with by from at as is are was were be been it its this that " +
    "these those what which who whom how why when where do does did can could may might should " +
    "would will than then there their they them about into per according documents document " +
    "article articles says say said k2 vitamin k"
  ).split(" "),
);

export function contentWords(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/\{\{c\d+::([^}]*)\}\}/g, "$1")
    .match(/[a-z0-9µ]+(?:-[a-z0-9]+)*/g);
  return new Set((words ?? []).filter((w) => !STOP.has(w)));
}

/** Jaccard similarity of two word sets (1 = the same words). */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

export const NEAR_DUPLICATE = 0.6;

const quoteKey = (quotes: readonly string[]) =>
  [...new Set(quotes.map((q) => q.toLowerCase().replace(/\s+/g, " ").trim()))].sort().join("\n");

export type DuplicateCandidate = {
  id: string;
  /** Cards are compared with cards, quiz items with quiz items (a quiz resembles the card it tests). */
  type: "card" | "quiz";
  deck: string;
  kind: string;
  /** A card's front or a quiz item's prompt. */
  text: string;
  quotes: string[];
};

/**
 * Pairs of active items in different decks that teach the same fact: near-identical fronts (or
 * prompts), or exactly the same quotes with the same kind. A fact needed by two decks belongs in
 * one card that the other deck includes (`include:`), so a learner reviews it once.
 */
export function findCrossDeckDuplicates(
  items: readonly DuplicateCandidate[],
): Array<{ a: DuplicateCandidate; b: DuplicateCandidate; why: string }> {
  const found: Array<{ a: DuplicateCandidate; b: DuplicateCandidate; why: string }> = [];
  const words = items.map((i) => contentWords(i.text));
  const quotes = items.map((i) => quoteKey(i.quotes));
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i] as DuplicateCandidate;
      const b = items[j] as DuplicateCandidate;
      if (a.deck === b.deck || a.type !== b.type) continue;
      const score = similarity(words[i] as Set<string>, words[j] as Set<string>);
      if (score >= NEAR_DUPLICATE) found.push({ a, b, why: `wording ${Math.round(score * 100)}% alike` });
      else if (a.kind === b.kind && quotes[i] === quotes[j]) found.push({ a, b, why: "the same quotes" });
    }
  }
  return found;
}

// "Document 002", "article 004", "Documents 000 and 003", "002_0f88ae063abdba93.txt".
const DOCUMENT_NUMBER =
  /\b(?:documents?|articles?|docs?|sources?)\s+0\d\d\b|\b0\d\d_[0-9a-f]{6,}(?:\.txt)?\b/i;

/** Learner-facing text naming a document by its number or file name, which the app never shows. */
export function documentNumberIn(text: string): string | null {
  return text.match(DOCUMENT_NUMBER)?.[0] ?? null;
}

/** The learner-facing text of a card or quiz item. */
export function learnerText(item: CardInput | QuizInput): string[] {
  if ("front" in item) return [item.front, item.back];
  return [
    item.prompt,
    item.explanation,
    ...item.choices,
    ...(item.answer ? [item.answer] : []),
    ...(item.pairs ?? []).flatMap((p) => [p.left, p.right]),
  ];
}

/**
 * The caveat a quote calls for: `headline` for a line of a study list, `claim` for a cell of a
 * comparison table (a document's summary that names no study). Null for running text.
 */
export function caveatForQuote(doc: SourceDocument, quote: string): CaveatKind | null {
  const range = findQuote(doc.body, quote);
  if (!range) return null;
  const lineStart = doc.body.lastIndexOf("\n", range.start - 1) + 1;
  if (doc.body.startsWith("|", lineStart)) return "claim";
  const kinds = [doc.meta.kind].flat();
  let kind = kinds[0];
  for (const part of doc.meta.parts ?? []) {
    const at = doc.body.indexOf(part.startsAt);
    if (at >= 0 && at <= range.start) kind = part.kind;
  }
  return kind === "study-list" ? "headline" : null;
}

/** What the caveat says next to the evidence badge, by kind and the kind of document cited. */
export function caveatText(kind: CaveatKind, documentKind: string): string {
  if (kind === "headline") return "Study-list headline: the study itself is not quoted or checked";
  return documentKind === "blog"
    ? "Claim of the blog post, not a study"
    : "Claim of the article, not a study";
}

/**
 * Ids in the committed list of every id ever published (content/ids.lock) that no deck or table
 * defines any more: a rename or deletion, which would orphan learners' progress. Retire instead.
 */
export function missingLockedIds(locked: readonly string[], defined: ReadonlySet<string>): string[] {
  return locked.filter((id) => !defined.has(id));
}

/** Parses content/ids.lock: one id per line; blank lines and `#` comments ignored. */
export function parseIdsLock(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
}

// A hedge is what a learner must keep, not what they recall: hiding it invites "shown" for "may".
const HEDGE = /^(?:may|might|could|can|suggests?|potentially|possibly|likely|appears?)$/i;

/** The hedge words a cloze front hides (`{{c1::may}}`), which make the card teach certainty. */
export function hiddenHedges(front: string): string[] {
  return [...front.matchAll(/\{\{c\d+::([^}:]+)(?:::[^}]*)?\}\}/g)]
    .map((m) => (m[1] ?? "").trim())
    .filter((text) => HEDGE.test(text));
}

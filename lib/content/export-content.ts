import type { SourceRef } from "./schema";
import type { ContentBuild, QuizItem } from "./types";

/**
 * What a quiz item's `answer` is in the export: the right choice, or for matching items an
 * object mapping each left-hand prompt to its right-hand choice (in the order the pairs were given).
 */
export type AnswerKey = string | Record<string, string>;

export function answerKey(item: Pick<QuizItem, "kind" | "answer" | "pairs">): AnswerKey {
  if (item.kind === "matching") return Object.fromEntries((item.pairs ?? []).map((p) => [p.left, p.right]));
  return item.answer ?? "";
}

/** The `npm run content:export` contract; retired items are left out. */
export type ContentExport = {
  documents: Array<{ slug: string; title: string; file: string }>;
  decks: Array<{
    slug: string;
    title: string;
    /** Ids of cards defined in another deck that this deck also teaches. */
    include: string[];
    cards: Array<{
      id: string;
      kind: string;
      front: string;
      back: string;
      evidence: string;
      /** Shown next to the evidence badge, e.g. "Claim of the article, not a study"; null if none. */
      caveat: string | null;
      sources: SourceRef[];
      /** Every deck that teaches this card: its own first, then those that include it. */
      decks: string[];
    }>;
    quiz: Array<{
      id: string;
      kind: string;
      prompt: string;
      choices: string[];
      answer: AnswerKey;
      explanation: string;
      evidence: string;
      caveat: string | null;
      sources: SourceRef[];
      cards: string[];
    }>;
  }>;
};

const refs = (sources: ReadonlyArray<SourceRef>): SourceRef[] =>
  sources.map(({ document, quote }) => ({ document, quote }));

export function toContentExport(build: ContentBuild): ContentExport {
  const includedBy = new Map<string, string[]>();
  for (const deck of build.decks)
    for (const id of deck.include) includedBy.set(id, [...(includedBy.get(id) ?? []), deck.slug]);
  return {
    documents: build.documents.map(({ slug, title, file }) => ({ slug, title, file })),
    decks: build.decks.map((deck) => ({
      slug: deck.slug,
      title: deck.title,
      include: deck.include,
      cards: deck.cards
        .filter((c) => !c.retired)
        .map((c) => ({
          id: c.id,
          kind: c.kind,
          front: c.front,
          back: c.back,
          evidence: c.evidence,
          caveat: c.caveatText,
          sources: refs(c.sources),
          decks: [deck.slug, ...(includedBy.get(c.id) ?? [])],
        })),
      quiz: deck.quiz
        .filter((q) => !q.retired)
        .map((q) => ({
          id: q.id,
          kind: q.kind,
          prompt: q.prompt,
          choices: q.choices,
          answer: answerKey(q),
          explanation: q.explanation,
          evidence: q.evidence,
          caveat: q.caveatText,
          sources: refs(q.sources),
          cards: q.cards,
        })),
    })),
  };
}

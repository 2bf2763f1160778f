import { quoteId } from "../content/quotes";
import type { DraftItemView } from "./draft-item";
import { REVERSE_SUFFIX } from "./ids";

/** A Card row as published (sources as stored: JSON of { document, quote, quoteId }). */
export interface PublishedCard {
  id: string;
  kind: "basic" | "reversed" | "cloze" | "reverse";
  front: string;
  back: string;
  evidence: string;
  /** The author's reason for a level stronger than the quote's cue words, shown with the badge. */
  evidenceReason: string | null;
  sources: string;
  position: number;
}

export interface PublishedQuizItem {
  id: string;
  kind: string;
  prompt: string;
  choices: string;
  answer: string;
  explanation: string;
  evidence: string;
  evidenceReason: string | null;
  sources: string;
  cardIds: string;
  position: number;
}

export interface PublishPlan {
  cards: PublishedCard[];
  quiz: PublishedQuizItem[];
  /** Ids published before whose item is no longer accepted: retired, never deleted (progress stays). */
  retireCards: string[];
  retireQuiz: string[];
}

const cite = (document: string, quotes: readonly string[]) =>
  JSON.stringify(quotes.map((quote) => ({ document, quote, quoteId: quoteId(document, quote) })));

/**
 * What publishing a draft writes: every accepted card (a reversed card also as its mirror, studied
 * back first, as the content seed does), every accepted question that tests at least one published
 * card, and the retirement of what was published before and is not any more. Ids are the draft
 * items' ids, so a republished deck keeps its learners' schedules.
 */
export function planPublish(
  documentId: string,
  items: readonly DraftItemView[],
  published: { cards: readonly string[]; quiz: readonly string[] },
): PublishPlan {
  const accepted = items.filter((item) => item.status === "accepted").sort((a, b) => a.position - b.position);
  const cards: PublishedCard[] = [];
  const mirrors: PublishedCard[] = [];
  for (const item of accepted) {
    const payload = item.payload;
    if (payload.target !== "card") continue;
    const sources = cite(documentId, [payload.quote]);
    const back = payload.kind === "cloze" && !payload.back.trim() ? payload.quote : payload.back;
    const row = {
      id: item.id,
      front: payload.front,
      back,
      evidence: payload.evidence,
      evidenceReason: item.evidenceReason,
      sources,
    };
    cards.push({ ...row, kind: payload.kind, position: cards.length });
    if (payload.kind === "reversed")
      mirrors.push({
        ...row,
        id: `${item.id}${REVERSE_SUFFIX}`,
        kind: "reverse",
        front: back,
        back: payload.front,
        position: 0,
      });
  }
  mirrors.forEach((mirror, i) => {
    mirror.position = cards.length + i;
  });
  const cardIds = new Set(cards.map((card) => card.id));
  const quiz: PublishedQuizItem[] = [];
  for (const item of accepted) {
    const payload = item.payload;
    if (payload.target !== "quiz") continue;
    const tested = payload.cards.filter((id) => cardIds.has(id));
    if (tested.length === 0) continue;
    quiz.push({
      id: item.id,
      kind: payload.kind,
      prompt: payload.prompt,
      choices: JSON.stringify(payload.choices),
      answer: JSON.stringify(payload.kind === "matching" ? (payload.pairs ?? []) : (payload.answer ?? "")),
      explanation: payload.explanation,
      evidence: payload.evidence,
      evidenceReason: item.evidenceReason,
      sources: cite(documentId, payload.quotes),
      cardIds: JSON.stringify(tested),
      position: quiz.length,
    });
  }
  const allCards = [...cards, ...mirrors];
  const nowCards = new Set(allCards.map((card) => card.id));
  const nowQuiz = new Set(quiz.map((item) => item.id));
  return {
    cards: allCards,
    quiz,
    retireCards: published.cards.filter((id) => !nowCards.has(id)),
    retireQuiz: published.quiz.filter((id) => !nowQuiz.has(id)),
  };
}

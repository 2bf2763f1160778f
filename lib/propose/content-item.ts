import type { CardInput, QuizInput } from "../content/schema";
import type { CardProposal, Proposal, QuizProposal } from "./types";

const sources = (p: Proposal) => p.sources.map(({ document, quote }) => ({ document, quote }));

/** A card proposal as a content card (lib/content/schema.ts `CardInput`), review fields dropped. */
export function toContentCard(p: CardProposal): CardInput {
  return {
    id: p.id,
    kind: p.kind,
    front: p.front,
    back: p.back,
    evidence: p.evidence,
    sources: sources(p),
    ...(p.topic ? { topic: p.topic } : {}),
    ...(p.caveat ? { caveat: p.caveat } : {}),
  };
}

/** A quiz proposal as a content quiz item (lib/content/schema.ts `QuizInput`), review fields dropped. */
export function toContentQuiz(p: QuizProposal): QuizInput {
  return {
    id: p.id,
    kind: p.kind,
    prompt: p.prompt,
    choices: p.choices,
    ...(p.answer !== undefined ? { answer: p.answer } : {}),
    ...(p.pairs ? { pairs: p.pairs } : {}),
    explanation: p.explanation,
    evidence: p.evidence,
    cards: p.cards,
    sources: sources(p),
    ...(p.topic ? { topic: p.topic } : {}),
    ...(p.caveat ? { caveat: p.caveat } : {}),
  };
}

import { parseComparisonTables } from "../content/comparison-tables";
import { claimCard } from "./cards";
import { type Claim, classifyClaim } from "./claims";
import { suggestSentenceEvidence } from "./evidence";
import { hasVerb, tagSentence } from "./nlp";
import { evidenceCheck, multipleChoice, trueFalse } from "./quiz";
import { segmentSentences } from "./sentences";
import { tableProposals } from "./tables";
import { indexTerms } from "./terms";
import type {
  CardProposal,
  ProposalKind,
  ProposalSet,
  ProposeInput,
  ProposeOptions,
  QuizProposal,
  SuggestedEvidence,
} from "./types";

export { toContentCard, toContentQuiz } from "./content-item";
export { MIN_QUOTE_LENGTH, proposeFromSelection } from "./selection";
export type * from "./types";
export { CLAIM_KINDS, PROPOSAL_KINDS } from "./types";

/**
 * Proposes cards and quiz items for one document's normalized text. Pure and deterministic:
 * the same text, document and seed give the same proposals. Every proposal's quote is
 * `text.slice(range.start, range.end)`.
 */
export function proposeItems(input: ProposeInput, options: ProposeOptions = {}): ProposalSet {
  const seed = options.seed ?? 1;
  const wanted = (kind: ProposalKind) => !options.kinds || options.kinds.includes(kind);
  const { document, text } = input;
  const { sentences, skipped } = segmentSentences(text, (line) => hasVerb(tagSentence(line)));
  const tagged = sentences.map((s) => ({ text: s.text, tokens: tagSentence(s.text) }));
  const claims: Claim[] = sentences.flatMap((s, i) => classifyClaim(s, tagged[i]?.tokens ?? []) ?? []);
  const index = indexTerms(tagged);

  const cards: CardProposal[] = [];
  const quiz: QuizProposal[] = [];
  const seen = new Set<string>();
  const add = <T extends { id: string }>(list: T[], item: T | null) => {
    if (item && !seen.has(item.id)) {
      seen.add(item.id);
      list.push(item);
    }
  };
  // Levels are suggested for every sentence in order, so a sentence can continue the study of the
  // one before it in the same paragraph ("A rat study found … This was attributed to …").
  const suggestions: SuggestedEvidence[] = [];
  for (const s of sentences) {
    const before = sentences[s.index - 1];
    const previous =
      before && before.line === s.line
        ? { text: before.text, suggested: suggestions[before.index] as SuggestedEvidence }
        : undefined;
    suggestions.push(suggestSentenceEvidence(s.text, previous));
  }
  for (const claim of claims) {
    const card = claimCard(document, claim, suggestions[claim.sentence.index] as SuggestedEvidence, index);
    if (wanted(card.proposal)) add(cards, card);
    if (wanted("multiple-choice")) add(quiz, multipleChoice(document, claim, card, index, seed));
    if (wanted("true-false") && card.kind === "cloze")
      add(quiz, trueFalse(document, claim, card, index, seed));
    if (wanted("evidence-check")) add(quiz, evidenceCheck(document, claim, card, seed));
  }
  const tables = parseComparisonTables(text);
  for (const table of tables) {
    const made = tableProposals(document, input.title ?? document, table);
    if (wanted("comparison-cell")) for (const c of made.cards) add(cards, c);
    if (wanted("matching")) for (const q of made.quiz) add(quiz, q);
  }
  return {
    document,
    cards,
    quiz,
    stats: { sentences: sentences.length, claims: claims.length, skipped, tables: tables.length },
  };
}

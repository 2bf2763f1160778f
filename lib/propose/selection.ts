import { claimCard } from "./cards";
import { classifyClaim } from "./claims";
import { suggestSentenceEvidence } from "./evidence";
import { tagSentence } from "./nlp";
import { segmentSentences } from "./sentences";
import { indexTerms } from "./terms";
import type { CardProposal, ProposeInput } from "./types";

/** Content items quote at least this many characters (lib/content/schema.ts `sourceRef`). */
export const MIN_QUOTE_LENGTH = 8;

/**
 * A card for text the author selected in the document ("make a card from this"): the selection,
 * trimmed of surrounding whitespace, is the verbatim quote; the card is a cloze on its key term
 * (or a basic card) with the level its cue words suggest. Returns null for a selection too short
 * to quote or outside the text. Sibling terms and the document's subject come from the whole text.
 */
export function proposeFromSelection(
  input: ProposeInput,
  selection: { start: number; end: number },
): CardProposal | null {
  const { text, document } = input;
  if (!(selection.start >= 0 && selection.end <= text.length && selection.start < selection.end)) return null;
  const raw = text.slice(selection.start, selection.end);
  const start = selection.start + (raw.length - raw.trimStart().length);
  const end = selection.end - (raw.length - raw.trimEnd().length);
  const quote = text.slice(start, end);
  if (quote.length < MIN_QUOTE_LENGTH) return null;
  const line = text.slice(0, start).split("\n").length;
  const tokens = tagSentence(quote);
  const sentence = { text: quote, start, end, line, index: 0, listItem: false, first: true };
  const claim = classifyClaim(sentence, tokens) ?? { sentence, tokens, kinds: ["statement" as const] };
  const { sentences } = segmentSentences(text);
  const index = indexTerms(sentences.map((s) => ({ text: s.text, tokens: tagSentence(s.text) })));
  return claimCard(document, claim, suggestSentenceEvidence(quote), index);
}

import type { DocumentWarning } from "./types";

// The most frequent English function words: in English prose they are about 40 % of all words,
// in other languages (even with English loan words) rarely 10 %.
const STOPWORDS = new Set(
  "the of and to a in is it that for on was with as are be by this at from or an have not which but they their has were can its also more may these been than other such into most some only when there them who what will would one our all any each".split(
    " ",
  ),
);

/** Share of English function words among the first 3,000 words (0 for no words). */
export function englishStopwordShare(text: string): number {
  const words = (text.toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, 3000);
  if (words.length === 0) return 0;
  return words.filter((w) => STOPWORDS.has(w)).length / words.length;
}

/** A warning when a text of some length does not read as English; short texts are not judged. */
export function languageWarning(text: string): DocumentWarning | null {
  const words = text.match(/\p{L}+/gu)?.length ?? 0;
  if (words < 30) return null;
  const share = englishStopwordShare(text);
  if (share >= 0.12) return null;
  return {
    code: "not-english",
    message: `This document does not look like English (only ${Math.round(share * 100)} % common English words). Proposals and evidence cues work on English text only.`,
  };
}

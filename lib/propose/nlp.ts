import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";

/** One word of a sentence with its part of speech (Universal POS tags) and offsets in the sentence. */
export type Token = { text: string; start: number; end: number; pos: string; lemma: string };

// Loading the model takes ~200 ms; it is done once per process (or worker) and only when needed.
// Only the POS tagger runs: sentences come from our own splitter, which keeps exact offsets.
let nlp: ReturnType<typeof winkNLP> | null = null;

/** Tags one sentence. Offsets are found by walking the text, so they index `sentence` exactly. */
export function tagSentence(sentence: string): Token[] {
  nlp ??= winkNLP(model, ["pos"]);
  const its = nlp.its;
  const doc = nlp.readDoc(sentence);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink-nlp's typings give `its.lemma` an extra parameter that `out` does not accept; it works as documented.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const tokens: Token[] = [];
  let cursor = 0;
  values.forEach((value, i) => {
    const at = sentence.indexOf(value, cursor);
    // wink expands a few contractions ("doesn't" → "does", "n't"); such tokens keep the cursor.
    if (at < 0 || at - cursor > 3) return;
    tokens.push({
      text: value,
      start: at,
      end: at + value.length,
      pos: pos[i] ?? "X",
      lemma: lemmas[i] ?? value,
    });
    cursor = at + value.length;
  });
  return joinHyphenated(tokens, sentence);
}

/** wink splits "high-fat" into three tokens; a compound is one word, an adjective unless it ends in a noun. */
function joinHyphenated(tokens: Token[], sentence: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = out[out.length - 1];
    const next = tokens[i + 1];
    if (t.text === "-" && prev && next && prev.end === t.start && next.start === t.end) {
      const pos = next.pos === "NOUN" || next.pos === "PROPN" ? next.pos : "ADJ";
      out[out.length - 1] = {
        text: sentence.slice(prev.start, next.end),
        start: prev.start,
        end: next.end,
        pos,
        lemma: `${prev.lemma}-${next.lemma}`,
      };
      i++;
      continue;
    }
    out.push(t);
  }
  return out;
}

const isVerb = (t: Token) => t.pos === "VERB" || t.pos === "AUX";

/** True when the words form a clause: a verb other than an -ing form ("Evidence Supporting K2" is a heading). */
export function hasVerb(tokens: Token[]): boolean {
  return tokens.some((t) => isVerb(t) && !t.text.endsWith("ing"));
}

/** A run of nouns (with their adjectives / numbers) that names a thing, e.g. "older adults". */
export type NounPhrase = { text: string; start: number; end: number; head: string; proper: boolean };

const NOMINAL = new Set(["NOUN", "PROPN", "ADJ", "NUM"]);
// Words the tagger sometimes calls nouns or adjectives that never start a noun phrase.
const NOT_NOMINAL = new Set([
  "whilst",
  "while",
  "also",
  "etc",
  "such",
  "other",
  "many",
  "more",
  "most",
  "less",
  "further",
]);
const nominal = (t: Token) => NOMINAL.has(t.pos) && !NOT_NOMINAL.has(t.text.toLowerCase());

/** Maximal noun phrases (ADJ/NUM/NOUN/PROPN runs ending in a noun), at most five words. */
export function nounPhrases(sentence: string, tokens: Token[]): NounPhrase[] {
  const out: NounPhrase[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!nominal(tokens[i] as Token)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && nominal(tokens[j + 1] as Token)) j++;
    // End on the last noun of the run: "K2 daily" → "K2".
    let last = j;
    while (last >= i && !["NOUN", "PROPN"].includes((tokens[last] as Token).pos)) last--;
    // A "noun" right before an article is usually a verb the tagger missed ("these findings
    // offer a promising avenue"): the phrase ends before it.
    if (last > i && last === j && tokens[j + 1]?.pos === "DET" && (tokens[last] as Token).pos === "NOUN")
      last--;
    if (last >= i) {
      const first = Math.max(i, last - 4);
      const from = (tokens[first] as Token).start;
      const to = (tokens[last] as Token).end;
      const run = tokens.slice(first, last + 1);
      out.push({
        text: sentence.slice(from, to),
        start: from,
        end: to,
        head: (tokens[last] as Token).lemma.toLowerCase(),
        proper: run.some((t) => t.pos === "PROPN"),
      });
    }
    i = j + 1;
  }
  return out;
}

/**
 * Groups of coordinated noun phrases ("egg yolks, chicken and high-fat dairy"): things the
 * document itself lists together are of the same kind, so they make fair quiz distractors.
 */
export function coordinatedGroups(sentence: string, phrases: NounPhrase[]): string[][] {
  const groups: string[][] = [];
  let group: NounPhrase[] = [];
  for (const phrase of phrases) {
    const prev = group[group.length - 1];
    const between = prev ? sentence.slice(prev.end, phrase.start) : "";
    if (prev && /^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/.test(between)) group.push(phrase);
    else {
      if (group.length >= 2) groups.push(group.map((p) => p.text));
      group = [phrase];
    }
  }
  if (group.length >= 2) groups.push(group.map((p) => p.text));
  return groups;
}

import { DOSE } from "./claims";
import { coordinatedGroups, type NounPhrase, nounPhrases, type Token } from "./nlp";

/** A span of a sentence that a card can hide or a quiz can swap, with the kind of thing it is. */
export type Term = { text: string; start: number; kind: TermKind; head?: string };
export type TermKind = "dose" | "quantity" | "code" | "phrase";

const QUANTITY =
  /\b\d+(?:[.,]\d+)?\s*(?:%|percent|weeks?|months?|years?|days?|hours?|-fold|fold)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:weeks?|months?|years?|days?|hours?)\b/gi;
// Short codes with a digit name forms, genes and products (MK-7, K2, D3, CYP11A).
const CODE = /\b[A-Z][A-Za-z]{0,5}-?\d{1,3}[A-Za-z]?\b/g;
const CODE_ONLY = /^[A-Z][A-Za-z]{0,5}-?\d{1,3}[A-Za-z]?$/;

const DURATION = /(?:week|month|year|day|hour)s?$/i;

/** What makes two terms siblings: doses, durations, other quantities by unit, codes, a phrase's head noun. */
export function siblingKey(term: Term): string {
  if (term.kind === "phrase") return `phrase:${term.head ?? ""}`;
  if (term.kind === "code" || term.kind === "dose") return term.kind;
  if (DURATION.test(term.text)) return "duration";
  const unit = /[a-z%]+$/i.exec(term.text)?.[0]?.toLowerCase() ?? "";
  return `${term.kind}:${unit}`;
}

function collect(sentence: string, pattern: RegExp, kind: TermKind, out: Term[]) {
  const flags = pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`;
  for (const m of sentence.matchAll(new RegExp(pattern.source, flags))) {
    const start = m.index;
    if (out.some((t) => start < t.start + t.text.length && t.start < start + m[0].length)) continue;
    out.push({ text: m[0], start, kind });
  }
}

/** Doses, quantities and codes of a sentence, in that order of preference. */
export function patternTerms(sentence: string): Term[] {
  const out: Term[] = [];
  collect(sentence, DOSE, "dose", out);
  collect(sentence, QUANTITY, "quantity", out);
  collect(sentence, CODE, "code", out);
  return out;
}

/** Drops leading words of a long phrase ("various nutritional causes" → "nutritional causes"). */
function fitPhrase(p: NounPhrase, limit: number): NounPhrase | null {
  let phrase = p;
  while (phrase.text.length > limit) {
    const space = phrase.text.indexOf(" ");
    if (space < 0) return null;
    phrase = { ...phrase, text: phrase.text.slice(space + 1), start: phrase.start + space + 1 };
  }
  return phrase;
}

const phraseTerm = (p: NounPhrase): Term => ({ text: p.text, start: p.start, kind: "phrase", head: p.head });

/**
 * The term a card hides: a dose, a quantity, a code past the sentence's start, else the noun
 * phrase after the main verb (what the sentence says about its subject). Never most of the sentence.
 */
export function keyTerm(
  sentence: string,
  tokens: Token[],
  isTopic: (term: string) => boolean = () => false,
): Term | null {
  const limit = Math.max(24, sentence.length * 0.4);
  const patterned = patternTerms(sentence).filter(
    (t) => t.text.length <= limit && (t.kind !== "code" || (t.start > 0 && !isTopic(t.text))),
  );
  if (patterned[0]) return patterned[0];
  const verb = tokens.find((t) => (t.pos === "VERB" || t.pos === "AUX") && !t.text.endsWith("ing"));
  const phrases = nounPhrases(sentence, tokens)
    .map((p) => fitPhrase(p, limit))
    .filter((p): p is NounPhrase => p !== null && p.text.length >= 3 && !isTopic(p.text));
  const after = phrases.filter((p) => verb && p.start > verb.start);
  const askable = (p: NounPhrase) => isAskable(phraseTerm(p));
  const pick =
    after.filter(askable).find((p) => p.proper || p.text.includes(" ")) ??
    after.find(askable) ??
    phrases.find((p) => p.start > 0 && askable(p));
  return pick ? phraseTerm(pick) : null;
}

/**
 * Sibling terms of a document (like doses and quantities, codes, phrases with the same head noun,
 * phrases the document lists together) and how many sentences name each term.
 */
export type TermIndex = {
  byKey: Map<string, string[]>;
  groups: string[][];
  frequency: Map<string, number>;
  sentences: number;
};

/**
 * The document's own subject ("vitamin K2" in an article on vitamin K2) is in a large share of its
 * sentences; hiding it makes a card that any reader of the title can answer.
 */
export function isTopicTerm(index: TermIndex, term: string): boolean {
  const count = index.frequency.get(term.toLowerCase()) ?? 0;
  return count >= 3 && count >= index.sentences * 0.12;
}

export function indexTerms(sentences: Array<{ text: string; tokens: Token[] }>): TermIndex {
  const byKey = new Map<string, string[]>();
  const groups: string[][] = [];
  const frequency = new Map<string, number>();
  const add = (term: Term) => {
    const key = siblingKey(term);
    const list = byKey.get(key) ?? [];
    if (!list.some((t) => t.toLowerCase() === term.text.toLowerCase())) list.push(term.text);
    byKey.set(key, list);
  };
  for (const { text, tokens } of sentences) {
    const phrases = nounPhrases(text, tokens);
    const terms = [...patternTerms(text), ...phrases.map(phraseTerm)];
    for (const term of terms) add(term);
    for (const name of new Set(terms.map((t) => t.text.toLowerCase())))
      frequency.set(name, (frequency.get(name) ?? 0) + 1);
    groups.push(...coordinatedGroups(text, phrases));
  }
  return { byKey, groups, frequency, sentences: sentences.length };
}

const MONTHS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
const isPlural = (t: string) => /[^s]s$/i.test(t.split(/\s+/).at(-1) ?? "");
const wordsOf = (t: string) => t.toLowerCase().replace(/-/g, "").split(/\s+/);

// Nouns too general to be the answer of a card ("plays a vital {{role}}", "varying {{amounts}}").
const GENERAL_NOUNS = new Set(
  "role way body activity amount connection link relationship intake difference performance process function thing part aspect factor level approach environment ability area kind type number lot variety range deal matter issue fact point case example vitality importance effect benefit option step time day people person individual".split(
    " ",
  ),
);

/** A phrase that names a thing worth asking about (not a date word, not a general noun). */
export function isAskable(term: Term): boolean {
  if (term.kind !== "phrase") return true;
  const head = term.head ?? "";
  return !MONTHS.test(head) && !GENERAL_NOUNS.has(head);
}

/**
 * Terms of the same kind as `term` from the document, none of which the sentence contains. A
 * distractor that overlaps the answer ("bone density" for "bone mineral density") could be right
 * too, and one much longer or shorter than the answer gives it away; both are left out.
 */
export function siblingsOf(index: TermIndex, term: Term, sentence: string): string[] {
  const lower = sentence.toLowerCase().replace(/-/g, "");
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  // Listed-together siblings count only when they are the same kind of thing: a code ("MK-4")
  // among codes, not the phrase it was listed with ("its most potent forms, MK-4 and MK-7").
  const sameKind = (t: string) => (term.kind === "phrase" ? !CODE_ONLY.test(t) : CODE_ONLY.test(t));
  const fromGroups = index.groups
    .filter((g) => g.some((t) => same(t, term.text)))
    .flat()
    .filter(sameKind);
  const fromKey = index.byKey.get(siblingKey(term)) ?? [];
  const answer = wordsOf(term.text);
  // Overlap is checked against the answer and every distractor already taken.
  const overlaps = (a: string[], b: string[]) => {
    if (a.join(" ") === b.join(" ")) return true;
    const shared = a.filter((w) => b.includes(w)).length;
    return term.kind === "phrase" && (shared === a.length || shared === b.length);
  };
  const taken = [answer];
  const out: string[] = [];
  for (const t of [...fromGroups, ...fromKey]) {
    if (lower.includes(t.toLowerCase().replace(/-/g, ""))) continue;
    // The document's own subject ("K2" in a K2 article) is often true of the blank as well.
    if (isTopicTerm(index, t)) continue;
    // "activating a {{critical protein}}" cannot take "various proteins": number must agree.
    if (term.kind === "phrase" && isPlural(t) !== isPlural(term.text)) continue;
    if (
      term.kind === "phrase" &&
      GENERAL_NOUNS.has(t.toLowerCase().split(/\s+/).at(-1)?.replace(/s$/, "") ?? "")
    )
      continue;
    const words = wordsOf(t);
    if (Math.abs(words.length - answer.length) > 1 || taken.some((w) => overlaps(words, w))) continue;
    taken.push(words);
    out.push(t);
  }
  return out;
}

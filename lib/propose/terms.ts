import { DOSE } from "./claims";

/** A span of a sentence that a card can hide or a quiz can swap, with the kind of thing it is. */
export type Term = { text: string; start: number; kind: TermKind };
export type TermKind = "dose" | "quantity" | "code" | "name";

const QUANTITY =
  /\b\d+(?:[.,]\d+)?\s*(?:%|percent|weeks?|months?|years?|days?|hours?|-fold|fold)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:weeks?|months?|years?|days?|hours?)\b/gi;
// Short codes with a digit name forms, genes and products (MK-7, K2, D3, CYP11A).
const CODE = /\b[A-Z][A-Za-z]{0,5}-?\d{1,3}[A-Za-z]?\b/g;
// Capitalized multi-word names or CamelCase single words not at the sentence start.
const NAME = /(?<=\s)(?:[A-Z][a-z]+[A-Z]\w*|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)\b/g;

/** The unit word of a quantity ("8 weeks" → "week"), so only like quantities are siblings. */
export function unitOf(term: Term): string {
  const unit = /[a-z%]+$/i.exec(term.text.replace(/s$/, ""))?.[0]?.toLowerCase() ?? "";
  return `${term.kind}:${unit}`;
}

function collect(sentence: string, pattern: RegExp, kind: TermKind, out: Term[]) {
  for (const m of sentence.matchAll(
    new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`),
  )) {
    const start = m.index;
    if (out.some((t) => start < t.start + t.text.length && t.start < start + m[0].length)) continue;
    out.push({ text: m[0], start, kind });
  }
}

/** Candidate key terms of a sentence, most specific kind first (dose, quantity, code, name). */
export function keyTerms(sentence: string): Term[] {
  const out: Term[] = [];
  collect(sentence, DOSE, "dose", out);
  collect(sentence, QUANTITY, "quantity", out);
  collect(sentence, CODE, "code", out);
  collect(sentence, NAME, "name", out);
  return out;
}

import { fnv1a64 } from "./text-hash";

/** Where a quote sits in a document body: offsets (end exclusive) and 1-based line. */
export type QuoteRange = { start: number; end: number; line: number };

// Writers copy quotes through editors that curl apostrophes, swap dashes or re-wrap lines;
// those differences are not changes of wording, so both sides are folded before comparing.
const FOLDS: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201b": "'",
  "\u2032": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u2033": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2015": "-",
  "\u2212": "-",
};

type Folded = { text: string; starts: number[]; ends: number[] };

/** Folds typography and collapses whitespace runs, remembering each output char's source span. */
function fold(text: string): Folded {
  let out = "";
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j] as string)) j++;
      out += " ";
      starts.push(i);
      ends.push(j);
      i = j;
      continue;
    }
    out += FOLDS[ch] ?? ch;
    starts.push(i);
    ends.push(i + 1);
    i++;
  }
  return { text: out, starts, ends };
}

/** The quote as compared: typographic quotes and dashes folded, whitespace collapsed, trimmed. */
export function normalizeQuote(quote: string): string {
  return fold(quote).text.trim();
}

/** Finds `quote` in `body` (first occurrence), ignoring whitespace and typographic differences. */
export function findQuote(body: string, quote: string): QuoteRange | null {
  const needle = normalizeQuote(quote);
  if (needle.length === 0) return null;
  const hay = fold(body);
  const at = hay.text.indexOf(needle);
  if (at < 0) return null;
  const start = hay.starts[at] as number;
  const end = hay.ends[at + needle.length - 1] as number;
  let line = 1;
  for (let k = 0; k < start; k++) if (body.charCodeAt(k) === 10) line++;
  return { start, end, line };
}

/**
 * A short id for linking to a quote (`/sources/<slug>#q=<id>`). It hashes the document slug with
 * the normalized quote, so re-wrapping or re-curling a quote keeps its id and ids are unique app-wide.
 */
export function quoteId(document: string, quote: string): string {
  return fnv1a64(`${document}\n${normalizeQuote(quote)}`).slice(0, 12);
}

/**
 * For a quote that is not found: the longest start of it that is in `body` (last 30 chars of it)
 * and what the source says next, so the writer sees where the wording diverges.
 */
export function closestQuotePrefix(
  body: string,
  quote: string,
): { matched: string; sourceNext: string } | null {
  const needle = normalizeQuote(quote);
  const hay = fold(body).text;
  let low = 0;
  let high = needle.length;
  // Every prefix of a found prefix is found, so the longest one can be bisected.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (hay.includes(needle.slice(0, mid))) low = mid;
    else high = mid - 1;
  }
  if (low < 12) return null;
  const at = hay.indexOf(needle.slice(0, low)) + low;
  return { matched: needle.slice(Math.max(0, low - 30), low), sourceNext: hay.slice(at, at + 30) };
}

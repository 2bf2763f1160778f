import { findQuote } from "@/lib/content/quotes";
import type { TextSpan } from "./source-blocks";

/** A cited passage located in a document body (offsets end exclusive). */
export interface QuoteMark {
  quoteId: string;
  start: number;
  end: number;
}

/** A piece of displayed text and the quotes covering all of it (none: plain text). */
export interface Segment {
  text: string;
  /** Offset in the body. */
  start: number;
  quoteIds: string[];
}

/**
 * Locates quotes with the same whitespace and typography folding as `content:check`
 * (lib/content/quotes), so every quote that passed the check is found here; others are skipped.
 */
export function locateQuotes(
  body: string,
  quotes: ReadonlyArray<{ quoteId: string; quote: string }>,
): QuoteMark[] {
  return quotes.flatMap(({ quoteId, quote }) => {
    const range = findQuote(body, quote);
    return range ? [{ quoteId, start: range.start, end: range.end }] : [];
  });
}

/** Splits a span where quotes start or end; overlapping quotes share the segments they overlap. */
export function segmentSpan(span: TextSpan, marks: readonly QuoteMark[]): Segment[] {
  const from = span.start;
  const to = span.start + span.text.length;
  const inside = marks.filter((mark) => mark.start < to && mark.end > from);
  if (!inside.length) return [{ text: span.text, start: from, quoteIds: [] }];
  const cuts = new Set([from, to]);
  for (const mark of inside) {
    cuts.add(Math.max(from, mark.start));
    cuts.add(Math.min(to, mark.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const quoteIds = inside
      .filter((mark) => mark.start <= start && mark.end >= end)
      .map((mark) => mark.quoteId);
    segments.push({ text: span.text.slice(start - from, end - from), start, quoteIds });
  }
  return segments;
}

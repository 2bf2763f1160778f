import { normalizeQuote } from "../content/quotes";

/**
 * Items that quote the same passage share one highlight: a sentence often gives a card, a
 * multiple-choice and an evidence-check question. Marks are keyed `g<n>` per distinct quote,
 * which also keeps the number of quotes to locate in the document down.
 */
export function groupQuotes(items: ReadonlyArray<{ id: string; quote: string }>): {
  quotes: { quoteId: string; quote: string; citedBy: number }[];
  groupOf: Record<string, string>;
} {
  const byQuote = new Map<string, { quoteId: string; quote: string; citedBy: number }>();
  const groupOf: Record<string, string> = {};
  for (const item of items) {
    const key = normalizeQuote(item.quote);
    let group = byQuote.get(key);
    if (!group) {
      group = { quoteId: `g${byQuote.size}`, quote: item.quote, citedBy: 0 };
      byQuote.set(key, group);
    }
    group.citedBy += 1;
    groupOf[item.id] = group.quoteId;
  }
  return { quotes: [...byQuote.values()], groupOf };
}

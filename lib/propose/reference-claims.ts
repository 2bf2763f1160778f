import { normalizeQuote } from "../content/quotes";
import type { ContentBuild } from "../content/types";
import type { ReferenceClaim } from "./evaluate";

/**
 * The curated decks as a reference: every quote of a hand-written (not table-generated), active
 * card or quiz item, with the level of the items citing it. Table cells are marked as such.
 */
export function referenceClaims(build: ContentBuild): ReferenceClaim[] {
  const byKey = new Map<string, ReferenceClaim>();
  const tables = new Map<string, Array<[number, number]>>();
  for (const doc of build.documents) {
    const spans: Array<[number, number]> = [];
    const lines = doc.body.split("\n");
    let offset = 0;
    for (const line of lines) {
      if (line.trim().startsWith("|")) spans.push([offset, offset + line.length]);
      offset += line.length + 1;
    }
    tables.set(doc.slug, spans);
  }
  for (const deck of build.decks) {
    for (const item of [...deck.cards, ...deck.quiz]) {
      if (item.generated || item.retired) continue;
      for (const source of item.sources) {
        const key = `${source.document}\n${normalizeQuote(source.quote)}`;
        const inTable = (tables.get(source.document) ?? []).some(
          ([s, e]) => source.range !== null && source.range.start >= s && source.range.start < e,
        );
        const ref = byKey.get(key) ?? {
          document: source.document,
          quote: source.quote,
          levels: [],
          table: inTable,
        };
        if (!ref.levels.includes(item.evidence)) ref.levels.push(item.evidence);
        byKey.set(key, ref);
      }
    }
  }
  return [...byKey.values()];
}

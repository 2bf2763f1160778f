import type { EvidenceLevel } from "@/lib/content/evidence";
import { parseCloze } from "@/lib/study/cloze";

/**
 * A deck as a text file Anki imports (File > Import): tab-separated, with Anki's header lines.
 * Anki reads it with a CSV reader (Rust `csv`: `"` quotes, `""` escapes a quote, `#` starts a
 * comment line) and, with `#html:false`, HTML-escapes every field, so text arrives as written.
 * A field holding a tab, a line break or a quote, or starting with `#`, is therefore quoted;
 * line breaks inside quotes stay in the field. Tags are whitespace-separated, so a tag never
 * holds a space (`::` makes Anki's tag hierarchy).
 */

export const ANKI_FIELDS = ["Front", "Back", "Evidence", "Source"] as const;

export interface AnkiCard {
  kind: string;
  front: string;
  back: string;
  evidence: EvidenceLevel;
  /** Extra tags: a content card's topic, or a personal card's own tags. */
  tags: readonly string[];
  sources: readonly { document: string; quote: string }[];
}

export interface AnkiDeck {
  cards: readonly AnkiCard[];
  /** Link text for each cited document, by slug. */
  documentTitles: Readonly<Record<string, string>>;
  /** The Evidence field's text for a level, e.g. "Human RCT: a randomized controlled trial in people." */
  describeEvidence: (level: EvidenceLevel) => string;
}

const NEEDS_QUOTES = /[\t\r\n"]|^#/;

/** One field: quoted (with doubled quotes) when Anki's reader would otherwise split or skip it. */
export function ankiField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A tag Anki keeps whole: whitespace becomes "_", quotes are dropped; empty when nothing is left. */
export function ankiTag(text: string): string {
  return text
    .trim()
    .replace(/["\u201c\u201d]/g, "")
    .replace(/\s+/g, "_");
}

/** Front and back of a card as plain text: a cloze shows "[…]" (or its hint) in front, the whole sentence behind. */
function sides(card: AnkiCard): { front: string; back: string } {
  if (card.kind !== "cloze") return { front: card.front, back: card.back };
  const parts = parseCloze(card.front);
  const prompt = parts.map((part) => (part.hidden ? `[${part.hint ?? "…"}]` : part.text)).join("");
  const revealed = parts.map((part) => part.text).join("");
  return { front: prompt, back: card.back ? `${revealed}\n\n${card.back}` : revealed };
}

function sourceText(card: AnkiCard, titles: AnkiDeck["documentTitles"]): string {
  return card.sources.map((s) => `“${s.quote}” (${titles[s.document] ?? s.document})`).join("\n");
}

function tagsOf(card: AnkiCard): string[] {
  const tags = [
    `evidence::${card.evidence}`,
    ...card.sources.map((s) => `source::${ankiTag(s.document)}`),
    ...card.tags.map(ankiTag),
  ];
  return [...new Set(tags.filter((tag) => tag !== "" && !tag.endsWith("::")))];
}

/** The file's text: header lines, then one note per line (fields Front, Back, Evidence, Source, then tags). */
export function ankiDeckText(deck: AnkiDeck): string {
  const header = [
    "#separator:tab",
    "#html:false",
    // Parsed with the separator above, so it must come after it.
    `#columns:${[...ANKI_FIELDS, "Tags"].join("\t")}`,
    `#tags column:${ANKI_FIELDS.length + 1}`,
  ];
  const notes = deck.cards.map((card) => {
    const { front, back } = sides(card);
    return [front, back, deck.describeEvidence(card.evidence), sourceText(card, deck.documentTitles)]
      .map(ankiField)
      .concat(tagsOf(card).join(" "))
      .join("\t");
  });
  return `${[...header, ...notes].join("\n")}\n`;
}

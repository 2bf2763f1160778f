/** A piece of a cloze card's text: plain text, or a hidden part (`{{c1::text::hint}}`). */
export type ClozePart = { text: string; hidden: false } | { text: string; hint: string | null; hidden: true };

const CLOZE = /\{\{c\d+::(.*?)(?:::(.*?))?\}\}/g;

/** Splits Anki-style cloze text; text without deletions comes back as one plain part. */
export function parseCloze(text: string): ClozePart[] {
  const parts: ClozePart[] = [];
  let last = 0;
  for (const match of text.matchAll(CLOZE)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), hidden: false });
    parts.push({ text: match[1] ?? "", hint: match[2] || null, hidden: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hidden: false });
  return parts;
}

/** The cloze text with every deletion shown, e.g. for a screen-reader summary or a title. */
export function revealedCloze(text: string): string {
  return parseCloze(text)
    .map((part) => part.text)
    .join("");
}

import { parseCloze } from "@/lib/study/cloze";

/**
 * A card's front as one line of plain text for a trainer's lists: cloze deletions shown as
 * their hint (or "[…]", as the learner sees them), markdown marks dropped, cut near `max`.
 */
export function cardFrontLine(front: string, max = 120): string {
  const plain = parseCloze(front)
    .map((part) => (part.hidden ? `[${part.hint ?? "…"}]` : part.text))
    .join("")
    .replace(/[*_`#>]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

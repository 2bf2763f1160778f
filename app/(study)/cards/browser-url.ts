import type { CardBrowserQuery } from "@/lib/validations/card-browser";

/** The browser's URL for a query with some fields changed (defaults left out). */
export function browserHref(query: CardBrowserQuery, change: Partial<CardBrowserQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(next)) {
    if (value === undefined || value === "") continue;
    if (
      (name === "sort" && value === "deck") ||
      (name === "dir" && value === "asc") ||
      (name === "page" && value === 1)
    )
      continue;
    params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `/cards?${text}` : "/cards";
}

import type { StudySessionData } from "./session-data";

type Scope = StudySessionData["scope"];

/** The page's own address for a scope (sign-in comes back here). */
export function studyPath(scope: Pick<Scope, "deck" | "cardIds">): string {
  const query = new URLSearchParams();
  if (scope.deck) query.set("deck", scope.deck);
  if (scope.cardIds) query.set("cards", scope.cardIds.join(","));
  const search = query.toString();
  return search ? `/study?${search}` : "/study";
}

/** "MK-4 vs MK-7", "All decks", or "Selected cards" for "Study these cards". */
export function scopeTitle(scope: Scope): string {
  if (!scope.cardIds) return scope.title;
  return scope.deck ? `${scope.title}: selected cards` : "Selected cards";
}

/**
 * Ids of authored things. A document id starts with "u-" (content slugs never do), so a card's
 * citation tells an uploaded document from a built-in one. Item ids extend the document id and
 * are the ids cards are published under: they never change, edits keep learners' progress.
 */
export const USER_DOCUMENT_ID = /^u-[0-9a-f]{16}$/;

export function isUserDocumentId(id: string): boolean {
  return USER_DOCUMENT_ID.test(id);
}

/** `hex` is 8 random bytes as 16 hex digits (the caller draws them). */
export function userDocumentId(hex: string): string {
  return `u-${hex}`;
}

/** An item the author made by hand (`hex`: random hex digits drawn by the caller). */
export function authoredItemId(documentId: string, hex: string): string {
  return `${documentId}.a-${hex}`;
}

/** The second card a reversed card is studied as (lib/seed/content uses the same suffix). */
export const REVERSE_SUFFIX = ".reverse";

/** An authored published deck's slug: "a-" and hex digits, never a content or imported slug. */
export function authoredDeckSlug(hex: string): string {
  return `a-${hex}`;
}

/**
 * Where a citation lands: the source page with the quote strongly marked (`?q=`, rendered on the
 * server) and scrolled to (`#q-`, which also works without JavaScript).
 */
export function quoteHref(document: string, quoteId: string): string {
  // Uploaded documents ("u-…", lib/authoring/ids) live at /documents, private to their readers.
  const base = document.startsWith("u-") ? "/documents" : "/sources";
  return `${base}/${encodeURIComponent(document)}?q=${encodeURIComponent(quoteId)}#q-${encodeURIComponent(quoteId)}`;
}

"use client";

import { useEffect } from "react";

const HASH = /^#q[=-]([0-9a-z]+)$/i;

/** Strongly marks, scrolls to and focuses the marks of one quote (rendered by SourceText). */
function showQuote(quoteId: string): void {
  for (const old of document.querySelectorAll("mark[data-current]")) old.removeAttribute("data-current");
  const marks = document.querySelectorAll<HTMLElement>(`mark[data-quotes~="${CSS.escape(quoteId)}"]`);
  for (const mark of marks) mark.setAttribute("data-current", "");
  const target = document.getElementById(`q-${quoteId}`) ?? marks[0];
  if (!target) return;
  target.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
}

/**
 * The followed quote comes from `?q=` (server-rendered, passed in) or from a `#q=<id>` /
 * `#q-<id>` fragment, which the server never sees. Without JavaScript, `#q-<id>` still scrolls.
 */
export function QuoteFocus({ quoteId }: { quoteId: string | null }) {
  useEffect(() => {
    const fromHash = () => HASH.exec(window.location.hash)?.[1] ?? null;
    const initial = quoteId ?? fromHash();
    if (initial) showQuote(initial);
    const onHashChange = () => {
      const id = fromHash();
      if (id) showQuote(id);
    };
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, [quoteId]);
  return null;
}

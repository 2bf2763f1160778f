"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// Render ids this tab has shown. Seeing one again means the page came back from the client router
// cache (Back/Forward) rather than from the server.
const shown = new Set<string>();

/**
 * For pages whose numbers change with every review (dashboard, statistics): Back after studying
 * restores the page from the client router cache or the browser's bfcache, with the numbers of
 * before. A page shown again from either is refreshed from the server at once.
 */
export function FreshOnReturn({ renderId }: { renderId: string }) {
  const router = useRouter();
  useEffect(() => {
    if (shown.has(renderId)) router.refresh();
    else shown.add(renderId);
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) router.refresh();
    };
    window.addEventListener("pageshow", onPageShow);
    return () => window.removeEventListener("pageshow", onPageShow);
  }, [renderId, router]);
  return null;
}

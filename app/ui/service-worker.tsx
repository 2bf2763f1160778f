"use client";

import { useEffect } from "react";

/**
 * Registers the service worker (app/sw.ts) in production builds; development runs without it.
 * The registration code loads once the page is idle, so it is not part of any page's first load.
 */
export function ServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    const start = () =>
      void import("./service-worker-start").then(({ startServiceWorker }) => {
        if (!cancelled) stop = startServiceWorker("/serwist/sw.js", "/");
      });
    const idle = "requestIdleCallback" in window ? requestIdleCallback(start, { timeout: 3000 }) : null;
    const timer = idle === null ? setTimeout(start, 1000) : null;
    return () => {
      cancelled = true;
      if (idle !== null) cancelIdleCallback(idle);
      if (timer !== null) clearTimeout(timer);
      stop?.();
    };
  }, []);
  return null;
}

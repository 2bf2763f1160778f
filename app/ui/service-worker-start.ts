import { Serwist } from "@serwist/window";
import { isCurrentPageOutOfScope } from "@serwist/window/internal";

/**
 * What @serwist/turbopack's SerwistProvider did on every page, loaded after first paint instead
 * (app/ui/service-worker.tsx): register app/sw.ts, and ask it to cache each page the app
 * navigates to on the client, so they open offline too. Returns the undo for React's cleanup.
 */
export function startServiceWorker(swUrl: string, scope: string): () => void {
  const serwist = new Serwist(swUrl, { scope, type: "module" });
  if (!isCurrentPageOutOfScope(scope)) void serwist.register();
  const cacheUrl = (url: string | URL | null | undefined) => {
    if (!navigator.onLine || !url) return;
    void serwist.messageSW({ type: "CACHE_URLS", payload: { urlsToCache: [url] } });
  };
  const cacheCurrentPathname = () => cacheUrl(window.location.pathname);
  const { pushState, replaceState } = history;
  history.pushState = (...args: Parameters<History["pushState"]>) => {
    pushState.apply(history, args);
    cacheUrl(args[2]);
  };
  history.replaceState = (...args: Parameters<History["replaceState"]>) => {
    replaceState.apply(history, args);
    cacheUrl(args[2]);
  };
  window.addEventListener("online", cacheCurrentPathname);
  return () => {
    history.pushState = pushState;
    history.replaceState = replaceState;
    window.removeEventListener("online", cacheCurrentPathname);
  };
}

/// <reference lib="webworker" />
import { defaultCache } from "@serwist/turbopack/worker";
import { type PrecacheEntry, Serwist } from "serwist";

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

/**
 * Offline: the build's static files are precached; pages are network-first with the last copy
 * kept (Serwist's Next.js defaults), so the dashboard and the study page open without a network
 * with the cards that were due when last online. Answers wait in the study page's outbox
 * (localStorage) and go out when the browser is online again; the service worker never replays
 * a POST itself, so each answer is sent by one sender only and recorded once (its idempotency key).
 * The runtime caches hold one learner's pages: app/ui/offline-data.ts empties them on sign-out and
 * whenever a page is rendered for someone else (a shared device must not show the last learner's cards).
 */
const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: true,
  runtimeCaching: defaultCache,
});

serwist.addEventListeners();

/**
 * What this browser keeps of a signed-in learner for offline use, and how it is forgotten.
 *
 * The service worker (app/sw.ts) keeps the last copy of every page, RSC payload and GET /api
 * response it sees, keyed by URL only: on a shared device the next person (or anyone offline)
 * would be shown the previous learner's dashboard and cards. So those caches belong to one
 * learner at a time: they are emptied on sign-out, and whenever a page is rendered for someone
 * else than the learner they were filled for (a session that expired, a different sign-in).
 * The precache (the build's static files, the same for everyone) stays.
 *
 * Unsent study answers are not in these caches: they wait in localStorage under the learner's
 * own id (lib/study/outbox `outboxStorageKey`), are only ever sent with that learner's session,
 * and are never deleted here (see SignOutButton for what signing out does with them). Deleting the
 * account drops them: sign-out-flow.tsx `leaveDeletedAccount`.
 */

/** Whose responses the service worker's caches hold: a user id, or "" for signed-out pages. */
const OWNER_KEY = "retain:offline-owner";

/** Deletes every runtime cache of the service worker; the precache is shared and stays. */
export async function forgetCachedPages(): Promise<void> {
  if (typeof caches === "undefined") return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => !name.includes("precache")).map((name) => caches.delete(name)));
}

function readOwner(): string | null {
  try {
    return window.localStorage.getItem(OWNER_KEY);
  } catch {
    return null;
  }
}

function writeOwner(owner: string): void {
  try {
    window.localStorage.setItem(OWNER_KEY, owner);
  } catch {
    // Storage disabled: the caches are then emptied on every page that finds no owner, still safe.
  }
}

/**
 * Called on every page with the user it was rendered for (null when signed out): a page for
 * anyone else than the caches' owner empties them first. A page served from the cache offline
 * carries its owner's id, so it never empties its own cache.
 */
export async function claimOfflineData(userId: string | null): Promise<void> {
  const owner = userId ?? "";
  if (readOwner() === owner) return;
  await forgetCachedPages();
  writeOwner(owner);
}

/** After the server has ended the session: nothing cached stays for the next person. */
export async function forgetOfflineData(): Promise<void> {
  await forgetCachedPages();
  writeOwner("");
}

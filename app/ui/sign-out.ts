import { forgetOfflineData } from "./offline-data";

/**
 * Signs out through next-auth's own endpoints (CSRF token, then POST), empties the service
 * worker's page caches (app/ui/offline-data.ts: the next person must not see this learner's
 * pages, online or off), then runs `beforeLeaving` and loads `callbackUrl`. Throws when the server
 * cannot be reached: the session then still stands, so nothing is forgotten and nothing stopped.
 * The same two requests `next-auth/react` makes, without its client bundle on every page.
 */
export async function signOutTo(callbackUrl: string, beforeLeaving?: () => void): Promise<void> {
  const csrf = await fetch("/api/auth/csrf", { cache: "no-store" });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  if (!response.ok) throw new Error(`Signing out failed: the server answered ${response.status}.`);
  await forgetOfflineData().catch(() => {});
  beforeLeaving?.();
  window.location.assign(callbackUrl);
}

/**
 * Signs out through next-auth's own endpoints (CSRF token, then POST), then loads `callbackUrl`.
 * The same two requests `next-auth/react` makes, without its client bundle on every page.
 */
export async function signOutTo(callbackUrl: string): Promise<void> {
  const csrf = await fetch("/api/auth/csrf", { cache: "no-store" });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  window.location.assign(callbackUrl);
}

/** A same-site path to return to after signing in; anything else falls back to the dashboard. */
export function safeReturnTo(value: unknown, fallback = "/dashboard"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return fallback;
  }
  return value;
}

/**
 * Where next-auth may send the browser after signing in or out: a path on this site or a URL of
 * the same origin, else the site's root. next-auth's own rule calls `new URL(url)` unguarded, so
 * a `callbackUrl` that is not a URL (" ", "http://[") was an uncaught 500 (found by e2e/fuzz.spec.ts).
 */
export function authRedirect(url: string, baseUrl: string): string {
  if (url.startsWith("/")) return `${baseUrl}${url}`;
  try {
    return new URL(url).origin === baseUrl ? url : baseUrl;
  } catch {
    return baseUrl;
  }
}

/**
 * The `callbackUrl` next-auth accepts in a query: a path, or an http(s) URL. It answers anything
 * else with a 500 "server configuration" error, so the route refuses it first with a 400.
 */
export function isCallbackUrl(value: string, baseUrl: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? baseUrl : undefined).protocol);
  } catch {
    return false;
  }
}

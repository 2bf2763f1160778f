/** Any origin will do: a return path is resolved against it only to see whether it stays there. */
const PROBE_ORIGIN = "https://return-to.invalid";

/**
 * The path a return address resolves to on `origin`, or null when it leaves it. Parsed as the
 * browser will parse it, not by prefixes: the URL parser drops tabs and newlines and reads `\` as
 * `/`, so `/\t/evil.example` is `//evil.example`, another site. The answer is the parsed URL's
 * own path (control characters encoded), and only if reading it again lands on the same URL:
 * `/.//evil.example` parses to the path `//evil.example`, which alone would leave the site.
 */
function pathOnOrigin(value: string, origin: string): string | null {
  try {
    const url = new URL(value, origin);
    if (url.origin !== new URL(origin).origin) return null;
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Throws too: `/.//` is the path `//`, which alone is a URL with an empty host.
    return new URL(path, origin).href === url.href ? path : null;
  } catch {
    return null;
  }
}

/** A same-site path to return to after signing in; anything else falls back to the dashboard. */
export function safeReturnTo(value: unknown, fallback = "/dashboard"): string {
  // Only paths: a full URL of our own origin is legitimate but never produced by the app.
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2_000) return fallback;
  return pathOnOrigin(value, PROBE_ORIGIN) ?? fallback;
}

/**
 * Where next-auth may send the browser after signing in or out: a path on this site or a URL of
 * the same origin, else the site's root. next-auth's own rule calls `new URL(url)` unguarded, so
 * a `callbackUrl` that is not a URL (" ", "http://[") was an uncaught 500 (found by e2e/fuzz.spec.ts).
 */
export function authRedirect(url: string, baseUrl: string): string {
  if (!url.startsWith("/") && !URL.canParse(url)) return baseUrl;
  const path = pathOnOrigin(url, baseUrl);
  return path === null ? baseUrl : `${new URL(baseUrl).origin}${path}`;
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

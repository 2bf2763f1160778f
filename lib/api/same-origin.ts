import { ForbiddenError } from "@/lib/errors";

/**
 * Cross-site request forgery guard for the state-changing route handlers, the check Next makes
 * for server actions. SameSite=Lax cookies still ride along from a page on another port of the
 * same host (same site, other origin), so the session cookie alone proves nothing about who
 * sent the request: its Origin (or Sec-Fetch-Site) must name this app.
 */
export class CrossOriginError extends ForbiddenError {
  constructor() {
    super("This request did not come from Retain's own pages, so it was refused.");
  }
}

/** What these checks read of a request's headers: a web `Headers`, or `nodeHeaders` of a Node request. */
export type HeaderReader = Pick<Headers, "get">;

/** The origin this app is served from: NEXTAUTH_URL when set, else the request's own host and scheme. */
export function appOrigin(
  headers: HeaderReader,
  requestUrl: string,
  configuredUrl: string | undefined = process.env.NEXTAUTH_URL,
): string | undefined {
  if (configuredUrl) return new URL(configuredUrl).origin;
  const host = firstHop(headers.get("x-forwarded-host")) ?? headers.get("host");
  const proto = firstHop(headers.get("x-forwarded-proto"))?.toLowerCase() ?? new URL(requestUrl).protocol;
  if (!host) return undefined;
  try {
    // URL drops a default port (":443" on https), as browsers do in Origin.
    return new URL(`${proto.replace(/:$/, "")}://${host}`).origin;
  } catch {
    return undefined;
  }
}

function firstHop(value: string | null): string | undefined {
  return value?.split(",")[0]?.trim() || undefined;
}

/**
 * Why a request is refused as cross-origin, or undefined when it is not. Browsers send Origin on
 * every POST (and Sec-Fetch-Site to secure origins); a client sending neither is not a browser,
 * so it cannot be carrying a victim's cookies against their will. Origin "null" (sandboxed frames, redirects
 * across origins) is refused like any other stranger.
 */
export function crossOriginReason(headers: HeaderReader, ownOrigin: string | undefined): string | undefined {
  const origin = headers.get("origin");
  if (origin !== null) {
    if (ownOrigin === undefined) return `Origin ${origin} cannot be checked without a Host`;
    if (origin !== ownOrigin) return `Origin ${origin} is not ${ownOrigin}`;
  }
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return `Sec-Fetch-Site is ${site}`;
  return undefined;
}

/** Throws CrossOriginError (403) unless the request came from this app's own pages (or no browser). */
export function assertSameOrigin(request: { headers: HeaderReader; url: string }): void {
  if (crossOriginReason(request.headers, appOrigin(request.headers, request.url)))
    throw new CrossOriginError();
}

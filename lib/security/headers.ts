/** What a page response needs to know to build its security headers. */
export interface SecurityHeaderOptions {
  /** Fresh per request; Next.js reads it back from the request's CSP header to nonce its scripts. */
  nonce: string;
  /** React's development tooling needs `eval`; production never does. */
  isDev: boolean;
  /** HSTS and `upgrade-insecure-requests` only make sense when the request came over HTTPS. */
  isHttps: boolean;
}

/** A nonce as CSP wants it: base64 of random bytes (the caller supplies the randomness). */
export function encodeNonce(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

/** `x-forwarded-proto` (first hop, as set by a TLS-terminating proxy) wins over the URL's own protocol. */
export function isHttpsRequest(forwardedProto: string | null, urlProtocol: string): boolean {
  const proto = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return proto ? proto === "https" : urlProtocol === "https:";
}

export function contentSecurityPolicy({ nonce, isDev, isHttps }: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // Charts and React set inline `style` attributes; a style nonce would not cover those.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker (/serwist/sw.js): 'strict-dynamic' would otherwise leave workers to nonces.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The headers that do not depend on the request, for pages and API responses alike. */
const FIXED_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
} as const;

export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** Every security header a page response gets, by name; the CSP is also passed on to the request. */
export function securityHeaders(
  options: SecurityHeaderOptions,
): Record<string, string> & { "Content-Security-Policy": string } {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    ...FIXED_HEADERS,
    ...(options.isHttps ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {}),
  };
}

/**
 * Route handlers under /api answer JSON, CSV and next-auth's few plain pages: nothing there runs
 * a script, so their CSP needs no nonce and is fixed. Inline styles and same-origin form posts
 * stay allowed for next-auth's sign-out and error pages.
 */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function apiSecurityHeaders(): Record<string, string> {
  return { "Content-Security-Policy": API_CONTENT_SECURITY_POLICY, ...FIXED_HEADERS };
}

/** x-forwarded-proto of a TLS-terminating proxy: https as its first hop (case-insensitive). */
export const FORWARDED_HTTPS = "[Hh][Tt][Tt][Pp][Ss](?:\\s*,.*)?";

/**
 * The API's headers as next.config.ts `headers()` rules: static, so proxy.ts (a CSP nonce per
 * request) need not run on /api at all, which was about a quarter of a review submit's CPU (issue 18).
 */
export function apiHeaderRules() {
  const list = (headers: Record<string, string>) =>
    Object.entries(headers).map(([key, value]) => ({ key, value }));
  return [
    { source: "/api/:path*", headers: list(apiSecurityHeaders()) },
    {
      source: "/api/:path*",
      has: [{ type: "header" as const, key: "x-forwarded-proto", value: FORWARDED_HTTPS }],
      headers: list({ "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY }),
    },
  ];
}

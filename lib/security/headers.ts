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
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Every security header a response gets, by name; the CSP is also passed on to the request. */
export function securityHeaders(
  options: SecurityHeaderOptions,
): Record<string, string> & { "Content-Security-Policy": string } {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    ...(options.isHttps ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

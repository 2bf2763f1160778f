import { describe, expect, it } from "vitest";
import {
  API_CONTENT_SECURITY_POLICY,
  apiHeaderRules,
  apiSecurityHeaders,
  contentSecurityPolicy,
  encodeNonce,
  FORWARDED_HTTPS,
  isHttpsRequest,
  securityHeaders,
} from "./headers";

const NONCE = "AAECAwQFBgcICQoLDA0ODw==";
const production = { nonce: NONCE, isDev: false, isHttps: false };

describe("contentSecurityPolicy", () => {
  it("allows scripts only by nonce, with strict-dynamic and no eval in production", () => {
    expect(contentSecurityPolicy(production)).toBe(
      "default-src 'self'; " +
        `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'; ` +
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    );
  });

  it("adds unsafe-eval only in development", () => {
    expect(contentSecurityPolicy({ ...production, isDev: true })).toContain(
      `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic' 'unsafe-eval';`,
    );
    expect(contentSecurityPolicy(production)).not.toContain("unsafe-eval");
  });

  it("upgrades insecure requests only over HTTPS", () => {
    expect(contentSecurityPolicy({ ...production, isHttps: true })).toMatch(/; upgrade-insecure-requests$/);
    expect(contentSecurityPolicy(production)).not.toContain("upgrade-insecure-requests");
  });
});

describe("securityHeaders", () => {
  it("sets the fixed headers and no HSTS over plain HTTP", () => {
    expect(securityHeaders(production)).toEqual({
      "Content-Security-Policy": contentSecurityPolicy(production),
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    });
  });

  it("adds HSTS over HTTPS", () => {
    expect(securityHeaders({ ...production, isHttps: true })["Strict-Transport-Security"]).toBe(
      "max-age=63072000; includeSubDomains",
    );
  });
});

describe("encodeNonce", () => {
  it("base64-encodes the given bytes", () => {
    expect(encodeNonce(Uint8Array.from({ length: 16 }, (_, i) => i))).toBe(NONCE);
  });
});

describe("isHttpsRequest", () => {
  it("trusts the first x-forwarded-proto hop over the URL", () => {
    expect(isHttpsRequest("https", "http:")).toBe(true);
    expect(isHttpsRequest("HTTPS, http", "http:")).toBe(true);
    expect(isHttpsRequest("http", "https:")).toBe(false);
  });

  it("falls back to the URL's protocol", () => {
    expect(isHttpsRequest(null, "https:")).toBe(true);
    expect(isHttpsRequest(null, "http:")).toBe(false);
    expect(isHttpsRequest("", "http:")).toBe(false);
  });
});

describe("API response headers (static, from next.config.ts)", () => {
  it("are the page's fixed headers with a CSP that lets nothing load or run", () => {
    const { "Content-Security-Policy": pageCsp, ...fixed } = securityHeaders(production);
    expect(pageCsp).toContain("nonce-");
    expect(apiSecurityHeaders()).toEqual({
      ...fixed,
      "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
    });
    expect(API_CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none';/);
    expect(API_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(API_CONTENT_SECURITY_POLICY).not.toMatch(/script-src|nonce|unsafe-eval/);
  });

  it("apply to /api only, HSTS only when a proxy forwarded https (Next matches has values as ^value$)", () => {
    const [all, https] = apiHeaderRules();
    expect(all?.source).toBe("/api/:path*");
    expect(Object.fromEntries(all?.headers.map((h) => [h.key, h.value]) ?? [])).toEqual(apiSecurityHeaders());
    expect(https?.source).toBe("/api/:path*");
    expect(https?.headers).toEqual([
      { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
    ]);
    const matches = (value: string) => new RegExp(`^${FORWARDED_HTTPS}$`).test(value);
    expect(https?.has?.[0]?.value).toBe(FORWARDED_HTTPS);
    for (const value of ["https", "HTTPS", "https, http", "https,http"])
      expect(matches(value), value).toBe(true);
    for (const value of ["http", "http, https", "httpsx", ""]) expect(matches(value), value).toBe(false);
  });
});

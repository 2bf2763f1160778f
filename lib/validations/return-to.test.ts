import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { authRedirect, isCallbackUrl, safeReturnTo } from "./return-to";

const BASE = "https://retain.example";

describe("authRedirect", () => {
  it("keeps paths and same-origin URLs", () => {
    expect(authRedirect("/dashboard", BASE)).toBe(`${BASE}/dashboard`);
    expect(authRedirect(`${BASE}/stats?x=1`, BASE)).toBe(`${BASE}/stats?x=1`);
  });

  it("sends other origins and things that are not URLs to the site's root (they were a 500)", () => {
    for (const url of [" ", "", "http://[", "javascript:alert(1)", "https://evil.example/", "%"]) {
      expect(authRedirect(url, BASE)).toBe(BASE);
    }
  });

  it("never throws and never leaves the origin", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.string({ unit: "binary" })), (url) => {
        expect(new URL(authRedirect(url, BASE)).origin).toBe(BASE);
      }),
    );
  });
});

describe("isCallbackUrl", () => {
  it("accepts paths and http(s) URLs only, as next-auth does", () => {
    expect(isCallbackUrl("/dashboard", BASE)).toBe(true);
    expect(isCallbackUrl("https://evil.example/x", BASE)).toBe(true);
    for (const url of [" ", "http://[", "javascript:alert(1)", "mailto:a@b.c", "dashboard"]) {
      expect(isCallbackUrl(url, BASE)).toBe(false);
    }
  });
});

describe("safeReturnTo", () => {
  it("accepts same-site paths only", () => {
    expect(safeReturnTo("/stats")).toBe("/stats");
    expect(safeReturnTo("//evil.example")).toBe("/dashboard");
    expect(safeReturnTo(5)).toBe("/dashboard");
  });
});

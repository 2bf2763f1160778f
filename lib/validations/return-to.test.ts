import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { authRedirect, isCallbackUrl, safeReturnTo } from "./return-to";

const BASE = "https://retain.example";

/**
 * Return addresses an attacker would build: slashes, backslashes, dots, the control characters
 * browsers drop or choke on (tab, LF, CR, NUL, DEL...), percent-encodings and other hosts. Small
 * pieces from short lists keep a run cheap on a busy machine (fc.webUrl took seconds).
 */
const piece = fc.oneof(
  fc.constantFrom(
    "/",
    "//",
    "/./",
    "\\",
    ".",
    "..",
    "@",
    ":",
    "?",
    "#",
    "%",
    "evil.example",
    "dashboard",
    "stats",
  ),
  fc.constantFrom("\t", "\n", "\r", "\0", "\x7f", "\x1b", " ", "\u00a0", "\u2028", "\ufeff"),
  fc.constantFrom("%09", "%0a", "%0d", "%00", "%2f", "%5c", "%252f", "%2e", "%E2%80%A8"),
  fc.constantFrom("https:", "http:", "javascript:", "data:", "//evil.example", "@evil.example"),
  fc.constantFrom("\ud800", "é", "\u{10ffff}", "\uff0e", "\u2215"),
  // Not fc.string({ unit: "binary" }): generating it took over 2 s per 400 values.
  fc.string({ maxLength: 3 }),
);
const returnAddress = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(""));
const pathLike = returnAddress.map((value) => `/${value}`);

/** What a Location header carries safely: no control, space or non-ASCII character. */
const PRINTABLE_ASCII = /^[!-~]*$/;

/** Where a browser goes with `location` on this site: what router.replace and a redirect both do. */
const browserTarget = (location: string) => new URL(location, BASE);

describe("safeReturnTo", () => {
  it("accepts same-site paths only", () => {
    expect(safeReturnTo("/stats")).toBe("/stats");
    expect(safeReturnTo("/decks/k2?tab=cards#top")).toBe("/decks/k2?tab=cards#top");
    expect(safeReturnTo("//evil.example")).toBe("/dashboard");
    expect(safeReturnTo(5)).toBe("/dashboard");
  });

  it("refuses paths that browsers read as another site once they drop tabs and newlines (was an open redirect)", () => {
    for (const value of [
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/\\evil.example",
      "/.//evil.example",
      "/\t\\evil.example",
    ]) {
      expect(safeReturnTo(value)).toBe("/dashboard");
    }
  });

  it("refuses a path that resolves to a bare `//` without throwing (a 500 found by npm run fuzz)", () => {
    for (const value of ["/.//", "/..//", "/./."]) expect(safeReturnTo(value)).not.toMatch(/^\/\//);
    expect(safeReturnTo("/.//")).toBe("/dashboard");
    expect(authRedirect("/.//", BASE)).toBe(BASE);
  });

  it("gives back a path without control characters (a newline in a redirect was a 500)", () => {
    expect(safeReturnTo("/stats\n")).toBe("/stats");
    expect(safeReturnTo("/st\u0001ats")).toBe("/st%01ats");
  });

  it("never leaves the site and never returns a character a Location header refuses", () => {
    fc.assert(
      fc.property(fc.oneof(pathLike, returnAddress), (value) => {
        const result = safeReturnTo(value);
        expect(result.startsWith("/")).toBe(true);
        expect(result).toMatch(PRINTABLE_ASCII);
        expect(browserTarget(result).origin).toBe(BASE);
        // What the browser does with the result is what the result says.
        expect(
          `${browserTarget(result).pathname}${browserTarget(result).search}${browserTarget(result).hash}`,
        ).toBe(result);
      }),
      { numRuns: 400 },
    );
  });
});

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

  it("sends paths a browser reads as another site to the site's root (was an open redirect)", () => {
    for (const url of ["/\t/evil.example", "/\n/evil.example", "/.//evil.example", "/\\evil.example"]) {
      expect(authRedirect(url, BASE)).toBe(BASE);
    }
  });

  it("never throws and never leaves the origin", () => {
    fc.assert(
      fc.property(fc.oneof(pathLike, returnAddress), (url) => {
        const result = authRedirect(url, BASE);
        expect(new URL(result).origin).toBe(BASE);
        expect(result).toMatch(PRINTABLE_ASCII);
      }),
      { numRuns: 400 },
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

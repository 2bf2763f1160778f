import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appOrigin, assertSameOrigin, CrossOriginError, crossOriginReason } from "./same-origin";

const APP = "http://127.0.0.1:3000";
const headers = (init: Record<string, string>) => new Headers(init);

describe("crossOriginReason", () => {
  it("lets the app's own pages through, and clients that are not browsers", () => {
    expect(crossOriginReason(headers({ origin: APP }), APP)).toBeUndefined();
    expect(crossOriginReason(headers({ origin: APP, "sec-fetch-site": "same-origin" }), APP)).toBeUndefined();
    expect(crossOriginReason(headers({ "sec-fetch-site": "same-origin" }), APP)).toBeUndefined();
    expect(crossOriginReason(headers({}), APP)).toBeUndefined();
  });

  it("refuses another port of the same host, another scheme, another host and the null origin", () => {
    for (const origin of [
      "http://127.0.0.1:8080",
      "http://127.0.0.1",
      "https://127.0.0.1:3000",
      "http://localhost:3000",
      "http://evil.example",
      "null",
    ]) {
      expect(crossOriginReason(headers({ origin }), APP), origin).toBeDefined();
    }
  });

  it("refuses same-site and cross-site fetches by Sec-Fetch-Site, even without an Origin", () => {
    for (const site of ["same-site", "cross-site", "none"]) {
      expect(crossOriginReason(headers({ "sec-fetch-site": site }), APP), site).toBeDefined();
      expect(crossOriginReason(headers({ origin: APP, "sec-fetch-site": site }), APP), site).toBeDefined();
    }
  });

  it("refuses an Origin when the app's own origin is unknown", () => {
    expect(crossOriginReason(headers({ origin: APP }), undefined)).toBeDefined();
  });
});

describe("appOrigin", () => {
  it("is NEXTAUTH_URL's origin when configured, whatever the Host says", () => {
    expect(
      appOrigin(headers({ host: "evil.example" }), "http://evil.example/api", "https://retain.example/app"),
    ).toBe("https://retain.example");
  });

  it("else the request's host and port, with the scheme a proxy forwarded, default ports dropped", () => {
    expect(
      appOrigin(headers({ host: "127.0.0.1:3000" }), "http://127.0.0.1:3000/api/reviews", undefined),
    ).toBe(APP);
    expect(
      appOrigin(
        headers({
          host: "internal:3000",
          "x-forwarded-host": "retain.example:443, proxy",
          "x-forwarded-proto": "https",
        }),
        "http://internal:3000/api/reviews",
        undefined,
      ),
    ).toBe("https://retain.example");
    expect(appOrigin(headers({}), "http://127.0.0.1:3000/x", undefined)).toBeUndefined();
  });
});

describe("assertSameOrigin", () => {
  it("throws a 403 for a forged request and passes the app's own", () => {
    const configured = process.env.NEXTAUTH_URL;
    process.env.NEXTAUTH_URL = APP;
    try {
      const forged = new Request(`${APP}/api/reviews`, {
        method: "POST",
        headers: { origin: "http://127.0.0.1:8080" },
      });
      expect(() => assertSameOrigin(forged)).toThrow(CrossOriginError);
      const own = new Request(`${APP}/api/reviews`, { method: "POST", headers: { origin: APP } });
      expect(() => assertSameOrigin(own)).not.toThrow();
    } finally {
      if (configured === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = configured;
    }
  });
});

/** Route files under app/api (next-auth's own excepted) that export a state-changing method. */
function mutatingRoutes(): string[] {
  const root = path.join(process.cwd(), "app", "api");
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((file) => path.basename(file) === "route.ts" && !file.startsWith(`auth${path.sep}`))
    .map((file) => path.join(root, file))
    .filter((file) => /export (async )?function (POST|PUT|PATCH|DELETE)\b/.test(readFileSync(file, "utf8")));
}

describe("every state-changing route handler under app/api", () => {
  it("checks the origin first thing", () => {
    const routes = mutatingRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(4);
    for (const file of routes) {
      expect(readFileSync(file, "utf8"), file).toMatch(/try \{\s+assertSameOrigin\(request\);/);
    }
  });
});

describe("every Pages Router API route (pages/api)", () => {
  it("takes only the methods it names, then checks the origin first thing", () => {
    const root = path.join(process.cwd(), "pages", "api");
    const routes = (readdirSync(root, { recursive: true }) as string[])
      .filter((file) => file.endsWith(".ts"))
      .map((file) => path.join(root, file));
    expect(routes.length).toBeGreaterThanOrEqual(1);
    for (const file of routes) {
      expect(readFileSync(file, "utf8"), file).toMatch(
        /if \(!allowMethods\(request, response, \[[^\]]*\]\)\) return;\s+try \{\s+assertNodeSameOrigin\(request\);/,
      );
    }
  });
});

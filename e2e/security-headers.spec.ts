import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

function nonceOf(csp: string): string {
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce, `no nonce in ${csp}`).toBeTruthy();
  return nonce ?? "";
}

function expectSecurityHeaders(response: { headers(): Record<string, string> } | null) {
  expect(response).not.toBeNull();
  const headers = response?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).not.toContain("upgrade-insecure-requests");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  // The e2e server is plain http: no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();
  return nonceOf(csp);
}

/** Collects CSP violations the page reports, as events and as console errors. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return violations;
}

test("public pages send a nonce CSP, fresh per request, and the other security headers", async ({ page }) => {
  for (const path of ["/", "/sign-in", "/decks"]) {
    const first = expectSecurityHeaders(await page.request.get(path));
    const second = expectSecurityHeaders(await page.request.get(path));
    expect(second, path).not.toBe(first);
  }
});

test("signed-in pages carry the headers; the session cookie is HttpOnly, SameSite=Lax, not Secure over http", async ({
  page,
  account,
}) => {
  await account.signUp("learner");
  const first = expectSecurityHeaders(await page.goto("/dashboard"));
  const second = expectSecurityHeaders(await page.request.get("/dashboard"));
  expect(second).not.toBe(first);
  // Next.js nonces its own scripts with the request's nonce.
  await expect(page.locator(`script[nonce]`).first()).toBeAttached();

  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name === "next-auth.session-token");
  expect(session, cookies.map((cookie) => cookie.name).join(", ")).toBeDefined();
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  expect(session?.secure).toBe(false);
});

test("studying and the statistics charts run without CSP violations", async ({ page, account }) => {
  const violations = await watchViolations(page);
  await account.signUp("learner");

  await page.goto("/study?deck=mk4-vs-mk7");
  // Focus lands on "Show answer" once the page has hydrated, i.e. its scripts ran.
  await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: /^Easy.*next in/ })).toBeVisible();
  // Easy sends the card days ahead, so the forecast below has a bar to draw.
  await page.keyboard.press("4");
  await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "All answers saved" })).toBeVisible();

  await page.goto("/stats");
  await expect(page.getByRole("heading", { name: "Statistics", level: 1 })).toBeVisible();
  // The forecast chart only draws its SVG in the browser, after hydration.
  await expect(page.locator('[aria-labelledby="forecast-summary"] svg').first()).toBeVisible();

  expect(violations).toEqual([]);
});

test("API responses get fixed security headers without a nonce (proxy.ts does not run on /api)", async ({
  page,
  account,
}) => {
  const expectApiHeaders = (
    response: { headers(): Record<string, string>; status(): number },
    label: string,
  ) => {
    const headers = response.headers();
    expect(headers["content-security-policy"], label).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(headers["x-content-type-options"], label).toBe("nosniff");
    expect(headers["x-frame-options"], label).toBe("DENY");
    expect(headers["referrer-policy"], label).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], label).toBe("camera=(), microphone=(), geolocation=()");
    expect(headers["strict-transport-security"], label).toBeUndefined();
  };
  expectApiHeaders(await page.request.get("/api/health"), "health");
  const anonymous = await page.request.post("/api/reviews", { data: {} });
  expect(anonymous.status()).toBe(401);
  expectApiHeaders(anonymous, "401");
  await account.signUp("learner");
  const exported = await page.request.get("/api/account/export");
  expect(exported.status()).toBe(200);
  expectApiHeaders(exported, "export");
  // Behind a TLS-terminating proxy: HSTS as on pages.
  const overHttps = await page.request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(
    (await page.request.get("/api/health", { headers: { "x-forwarded-proto": "http, https" } })).headers()[
      "strict-transport-security"
    ],
  ).toBeUndefined();
});

import { rmSync } from "node:fs";
import { type Browser, test as base, expect } from "@playwright/test";
import { AccountPages, type Credentials } from "./fixtures";
import { csrf } from "./fuzz/http";
import { type FuzzServer, startFuzzServer } from "./fuzz/server";

/**
 * Issue 13, on a production server of its own (its counters fill up): the sign-in throttle counts
 * the connection's address, not X-Forwarded-For; an account locked by someone else's guesses still
 * lets its owner in from a device they signed in on before; sign-ups per address are limited.
 * The tests run in order and share the server: each leaves the counters as the next expects.
 */
const SIGN_UP_LIMIT = 3;
const test = base.extend<object, { server: FuzzServer }>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
    async ({}, use) => {
      const server = await startFuzzServer({ SIGN_UP_LIMIT: String(SIGN_UP_LIMIT) });
      try {
        await use(server);
      } finally {
        await server.stop();
        for (const suffix of ["", "-wal", "-shm"]) rmSync(`${server.databasePath}${suffix}`, { force: true });
      }
    },
    { scope: "worker", timeout: 300_000 },
  ],
});
test.describe.configure({ mode: "serial" });

/** A browser of its own on the server, claiming `forwardedFor` as its address. */
async function visitor(browser: Browser, server: FuzzServer, forwardedFor: string) {
  const context = await browser.newContext({
    baseURL: server.baseURL,
    extraHTTPHeaders: { "x-forwarded-for": forwardedFor },
  });
  const page = await context.newPage();
  return { context, page, account: new AccountPages(page) };
}

/** A failed sign-in straight to next-auth, claiming a new address each time; its error code. */
async function guess(server: FuzzServer, email: string, n: number): Promise<string> {
  const { token, cookie } = await csrf(server.baseURL);
  const response = await fetch(`${server.baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      cookie,
      "content-type": "application/x-www-form-urlencoded",
      "x-forwarded-for": `203.0.${Math.floor(n / 250)}.${n % 250}`,
    },
    body: new URLSearchParams({ csrfToken: token, email, password: `guess-${n}`, json: "true" }),
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error") ?? "";
}

let owner: Credentials;

test("an account locked by someone else's guesses still lets its owner in from a known device", async ({
  browser,
  server,
}) => {
  test.setTimeout(180_000);
  const home = await visitor(browser, server, "198.51.100.1");
  owner = await home.account.signUp("learner"); // signs in, so this browser gets the device cookie
  await home.account.signOut();

  const errors: string[] = [];
  for (let n = 0; n < 101; n++) errors.push(await guess(server, owner.email, n));
  expect(errors.slice(0, 100).every((error) => error === "CredentialsSignin")).toBe(true);
  expect(errors[100]).toMatch(/^TooManyAttempts:account:\d+$/);

  const elsewhere = await visitor(browser, server, "198.51.100.2");
  await elsewhere.page.goto("/sign-in");
  await elsewhere.account.signIn(owner);
  await expect(
    elsewhere.page.getByText(
      "Too many failed sign-ins to this account from new devices. Try again in 60 minutes, or sign in from a device you have signed in on before.",
    ),
  ).toBeVisible();

  await home.page.goto("/sign-in");
  await home.account.signIn(owner);
  await expect(home.page).toHaveURL(/\/dashboard$/);
  await Promise.all([home.context.close(), elsewhere.context.close()]);
});

test("sign-ups are limited per address, whatever address the browser claims", async ({ browser, server }) => {
  // The owner above was the first sign-up from this machine.
  for (let i = 1; i < SIGN_UP_LIMIT; i++) {
    const other = await visitor(browser, server, `192.0.2.${i}`);
    await other.account.signUp("learner");
    await other.context.close();
  }
  const last = await visitor(browser, server, "192.0.2.99");
  const user = last.account.newCredentials();
  await last.page.goto("/sign-up");
  await last.page.getByLabel("Name").fill(user.name);
  await last.page.getByLabel("Email").fill(user.email);
  await last.page.getByLabel("Password").fill(user.password);
  await last.page.getByRole("button", { name: "Create account" }).click();
  await expect(
    last.page.getByText("Too many new accounts from your network. Try again in 60 minutes."),
  ).toBeVisible();
  await expect(last.page).toHaveURL(/\/sign-up/);
  await last.context.close();
});

test("rotating X-Forwarded-For does not buy more guesses than one address gets", async ({
  browser,
  server,
}) => {
  test.setTimeout(240_000);
  // 101 failures so far from this machine; its address allows 300 an hour.
  let refusedAt = -1;
  for (let n = 0; n < 260 && refusedAt < 0; n++) {
    const error = await guess(server, `nobody-${n}@example.com`, 1_000 + n);
    if (error.startsWith("TooManyAttempts:address:")) refusedAt = n;
  }
  expect(refusedAt).toBeGreaterThan(150);
  expect(refusedAt).toBeLessThan(205);

  // A new device on this machine is refused too, with the reason and the time left.
  const stranger = await visitor(browser, server, "192.0.2.200");
  await stranger.page.goto("/sign-in");
  await stranger.account.signIn({ email: "someone@example.com", password: "any password at all" });
  await expect(
    stranger.page.getByText(/^Too many sign-in attempts from your network\. Try again in \d+ minutes\.$/),
  ).toBeVisible();
  await stranger.context.close();
});

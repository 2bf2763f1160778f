import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Issue 20: on a shared device, the service worker's copies of a learner's pages must not outlive
// their session: after sign-out nobody (online or offline) sees them, and a page rendered for
// anyone else empties them too.

/** Every runtime-cached response (URL and body), precache aside. */
function cachedResponses(page: Page) {
  return page.evaluate(async () => {
    const found: { url: string; body: string }[] = [];
    for (const name of await caches.keys()) {
      if (name.includes("precache")) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        found.push({ url: request.url, body: response ? await response.text() : "" });
      }
    }
    return found;
  });
}

/** Signs up, studies one card online under the service worker, so its pages are cached. */
async function studyOnline(page: Page, signUp: () => Promise<{ name: string }>) {
  const user = await signUp();
  await page.goto("/study?deck=mk4-vs-mk7");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 })
    .toBe(true);
  await page.goto("/dashboard");
  await page.goto("/study?deck=mk4-vs-mk7");
  const front = await page.locator("#study-front").textContent();
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(page.getByRole("status").filter({ hasText: "All answers saved" })).toBeVisible();
  // Sanity: without the fix, these copies are what the next person would see.
  await expect
    .poll(async () => (await cachedResponses(page)).filter((r) => r.body.includes(user.name)).length)
    .toBeGreaterThan(0);
  return { user, front: front ?? "" };
}

test("signing out empties the cached pages: nothing of the learner is left, online or offline", async ({
  page,
  context,
  account,
}) => {
  test.setTimeout(120_000);
  const { user } = await studyOnline(page, () => account.signUp("learner"));

  await account.signOut();
  const left = await cachedResponses(page);
  expect(left.filter((r) => r.body.includes(user.name)).map((r) => r.url)).toEqual([]);
  expect(left.filter((r) => /\/(dashboard|study|cards)/.test(new URL(r.url).pathname))).toEqual([]);

  // Offline, the next person gets no copy of the learner's pages.
  await context.setOffline(true);
  for (const path of ["/dashboard", "/study?deck=mk4-vs-mk7"]) {
    await page.goto(path).catch(() => null);
    await expect(page.locator("body")).not.toContainText(user.name);
  }
  await context.setOffline(false);
});

test("a page rendered for someone else (the session expired) empties the previous learner's pages", async ({
  page,
  context,
  account,
}) => {
  test.setTimeout(120_000);
  const { user } = await studyOnline(page, () => account.signUp("learner"));
  await context.clearCookies();
  await page.goto("/");
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect
    .poll(async () => (await cachedResponses(page)).filter((r) => r.body.includes(user.name)).length)
    .toBe(0);
});

test("signing out sends waiting answers first; unsendable ones are named, not dropped", async ({
  page,
  context,
  account,
}) => {
  test.setTimeout(120_000);
  await studyOnline(page, () => account.signUp("learner"));
  await context.setOffline(true);
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(page.getByRole("status").filter({ hasText: "Offline — 1 answer waiting" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "1 answer has not reached the server yet" }),
  ).toBeVisible();
  // Still signed in, the answer still waiting.
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();

  await context.setOffline(false);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("study-outbox"))),
  ).toEqual([]);
});

test("a sign-out that fails offline leaves the outbox sending: answers go once the network is back", async ({
  page,
  context,
  account,
}) => {
  test.setTimeout(120_000);
  await studyOnline(page, () => account.signUp("learner"));
  await context.setOffline(true);
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  const status = page.getByRole("status").filter({ hasText: /saved|Saving|waiting|retrying/ });
  await expect(status).toHaveText("Offline — 1 answer waiting");

  // Offline, "Sign out anyway" cannot reach the server: the learner is still signed in, on the page.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out anyway" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Could not sign out" })).toBeVisible();

  // Back online, the waiting answer and a new one are sent as before the attempt.
  await context.setOffline(false);
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(status).toHaveText("All answers saved", { timeout: 40_000 });
  const csv = await (await page.request.get("/api/account/review-log")).text();
  expect(csv.trim().split("\n").slice(1)).toHaveLength(3);
});

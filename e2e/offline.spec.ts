import { readFileSync } from "node:fs";
import path from "node:path";
import { type BuildManifest, pagesRouterOnlyChunks } from "../lib/offline/precache";
import { expect, test } from "./fixtures";

// Issue 20: opened once online, the dashboard and the study page open offline; answers given
// offline go out through the outbox when back online, each recorded once.

test("offline: reload, study, come back online, every answer recorded once", async ({
  page,
  context,
  account,
}) => {
  test.setTimeout(120_000);
  await account.signUp("learner");
  await page.goto("/dashboard");
  await page.goto("/study?deck=mk4-vs-mk7");
  const showAnswer = page.getByRole("button", { name: "Show answer" });
  const front = page.getByRole("article", { name: "Question" }).locator("#study-front");
  const status = page.getByRole("status").filter({ hasText: /saved|Saving|waiting|retrying/ });
  await expect(showAnswer).toBeFocused();
  // The service worker takes control; the pages are then kept by it as they load.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await page.goto("/dashboard");
  await page.goto("/study?deck=mk4-vs-mk7");
  await expect(showAnswer).toBeFocused();

  await context.setOffline(true);
  await page.reload();
  await expect(showAnswer).toBeFocused();
  const fronts: string[] = [];
  for (let i = 0; i < 2; i++) {
    await expect(showAnswer).toBeFocused();
    fronts.push((await front.textContent()) ?? "");
    await page.keyboard.press("Space");
    await expect(page.getByRole("button", { name: /^Good.*next in/ })).toBeVisible();
    await page.keyboard.press("3");
  }
  await expect(status).toHaveText("Offline — 2 answers waiting");

  // The dashboard opens offline too.
  const other = await context.newPage();
  await other.goto("/dashboard");
  await expect(other.getByRole("heading", { level: 1 })).toBeVisible();
  await other.close();

  await context.setOffline(false);
  await expect(status).toHaveText("All answers saved", { timeout: 40_000 });
  const csv = await (await page.request.get("/api/account/review-log")).text();
  const rows = csv.trim().split("\n").slice(1);
  expect(rows).toHaveLength(2);
});

test("offline: a flag and a suspension wait in the outbox, survive a reload, and are saved once online", async ({
  page,
  context,
  account,
}) => {
  test.setTimeout(120_000);
  await account.signUp("learner");
  await page.goto("/study?deck=mk4-vs-mk7");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await page.goto("/study?deck=mk4-vs-mk7");
  const showAnswer = page.getByRole("button", { name: "Show answer" });
  const front = page.getByRole("article", { name: "Question" }).locator("#study-front");
  const status = page.getByRole("status").filter({ hasText: /answers saved|Saving|waiting|retrying/ });
  await expect(showAnswer).toBeFocused();
  const saved: string[] = [];
  page.on("response", (response) => {
    if (/\/api\/cards\/.+\/marks$/.test(response.url()) && response.ok()) saved.push(response.url());
  });

  await context.setOffline(true);
  await page.reload();
  await expect(showAnswer).toBeFocused();
  const marked = (await front.textContent()) ?? "";
  await page.keyboard.press("Alt+2");
  await expect(page.getByRole("button", { name: "Orange flag" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("s");
  await expect(page.getByRole("status").filter({ hasText: "Card suspended." })).toContainText(
    "saved when you are back online",
  );
  await expect(front).not.toHaveText(marked);
  await expect(status).toHaveText("Offline — 2 card marks waiting");

  // A reload offline keeps them (after the "leave page?" the outbox asks while anything waits),
  // and keeps the suspended card out of the session.
  page.once("dialog", (dialog) => dialog.accept());
  await page.reload();
  await expect(showAnswer).toBeFocused();
  await expect(front).not.toHaveText(marked);
  await expect(status).toHaveText("Offline — 2 card marks waiting");

  await context.setOffline(false);
  await expect(status).toHaveText("All answers saved", { timeout: 40_000 });
  expect(saved).toHaveLength(2);
  await page.goto("/cards?state=suspended&flag=2");
  await expect(page.getByRole("heading", { name: "1 card" })).toBeVisible();
});

test("the service worker precaches the app's chunks but not the Pages Router's own", async ({ request }) => {
  // The build the server runs (npm start builds into .next here).
  const manifest = JSON.parse(
    readFileSync(path.join(".next", "build-manifest.json"), "utf8"),
  ) as BuildManifest;
  const skipped = [...pagesRouterOnlyChunks(manifest)];
  // pages/api/reviews.ts makes Next build _app and _error chunks: there is something to leave out.
  expect(skipped.length).toBeGreaterThan(0);
  const worker = await (await request.get("/serwist/sw.js")).text();
  expect(skipped.filter((file) => worker.includes(file))).toEqual([]);
  expect(manifest.rootMainFiles.filter((file) => !worker.includes(file))).toEqual([]);
});

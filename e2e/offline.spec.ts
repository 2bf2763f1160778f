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

import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** The study page, read the way a learner sees it. */
function studyPage(page: Page) {
  const counts = page.getByRole("list", { name: "Cards left" });
  const count = async (label: "new" | "learning" | "review") => {
    const text = await counts.getByRole("listitem").filter({ hasText: label }).textContent();
    return Number(/\d+/.exec(text ?? "")?.[0]);
  };
  return {
    showAnswer: page.getByRole("button", { name: "Show answer" }),
    answer: page.getByRole("region", { name: "Answer" }),
    front: page.getByRole("article", { name: "Question" }).locator("#study-front"),
    sync: page.getByRole("status").filter({ hasText: /saved|Saving|waiting|retrying/ }),
    count,
  };
}

/**
 * Learning cards due after the study day ends leave today's session, so a run in the minutes
 * before the day's rollover would see fewer: puts the rollover twelve hours away from now.
 */
async function rolloverAwayFromNow(page: Page) {
  await page.goto("/settings");
  await page.getByLabel("Time zone").fill("UTC");
  await page.getByLabel("New day starts at (hour, 0–23)").fill(String((new Date().getUTCHours() + 12) % 24));
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/^Settings saved/)).toBeVisible();
}
test("a learner studies by keyboard, undoes an answer, and finds everything saved after a reload", async ({
  page,
  account,
}) => {
  await account.signUp("learner");
  await rolloverAwayFromNow(page);
  await page.goto("/study?deck=mk4-vs-mk7");
  const study = studyPage(page);
  // Focus lands on "Show answer" once the page is interactive.
  await expect(study.showAnswer).toBeFocused();
  const newAtStart = await study.count("new");
  expect(newAtStart).toBeGreaterThanOrEqual(5);
  expect(await study.count("learning")).toBe(0);

  // Good, Easy, Hard, Good, Easy: three cards go to learning (minutes away), two straight to review.
  const fronts: string[] = [];
  for (const key of ["3", "4", "2", "3", "4"]) {
    await expect(study.showAnswer).toBeFocused();
    fronts.push((await study.front.textContent()) ?? "");
    await page.keyboard.press("Space");
    await expect(study.answer).toBeFocused();
    // The buttons name their intervals once the scheduler has loaded.
    await expect(page.getByRole("button", { name: /^Good.*next in/ })).toBeVisible();
    await page.keyboard.press(key);
  }
  await expect(study.showAnswer).toBeFocused();
  expect(await study.count("new")).toBe(newAtStart - 5);
  expect(await study.count("learning")).toBe(3);

  // Undo takes back the fifth answer: that card is on show again.
  await page.keyboard.press("ControlOrMeta+z");
  await expect(study.front).toHaveText(fronts[4] ?? "");
  expect(await study.count("new")).toBe(newAtStart - 4);
  await expect(study.sync).toHaveText("All answers saved");
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("retain:study-outbox"))),
  ).toEqual([]);

  // The server has exactly what the page showed: four answers, the undone card new again.
  await page.reload();
  await expect(study.showAnswer).toBeFocused();
  await expect(study.front).toHaveText(fronts[4] ?? "");
  expect(await study.count("new")).toBe(newAtStart - 4);
  expect(await study.count("learning")).toBe(3);

  // The rated cards do not come back as new.
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: /^Easy.*next in/ })).toBeVisible();
  await page.keyboard.press("4");
  await expect(study.showAnswer).toBeFocused();
  expect(fronts.slice(0, 4)).not.toContain(await study.front.textContent());
  await expect(study.sync).toHaveText("All answers saved");
});

test("answers given while the server is unreachable survive a reload and are sent later", async ({
  page,
  account,
}) => {
  await account.signUp("learner");
  await page.goto("/study?deck=mk4-vs-mk7");
  const study = studyPage(page);
  await expect(study.showAnswer).toBeFocused();
  const newAtStart = await study.count("new");

  // Every answer fails as if the network were down.
  await page.route("**/api/reviews", (route) => route.abort("internetdisconnected"));
  const fronts: string[] = [];
  for (let i = 0; i < 2; i++) {
    await expect(study.showAnswer).toBeFocused();
    fronts.push((await study.front.textContent()) ?? "");
    await page.keyboard.press("Space");
    await expect(page.getByRole("button", { name: /^Easy.*next in/ })).toBeVisible();
    await page.keyboard.press("4");
  }
  await expect(study.sync).toHaveText("Offline — 2 answers waiting");

  // Leaving asks first; after the reload the answers are re-applied from the outbox.
  let warned = false;
  page.once("dialog", async (dialog) => {
    warned = dialog.type() === "beforeunload";
    await dialog.accept();
  });
  await page.reload();
  await expect(study.showAnswer).toBeFocused();
  expect(warned).toBe(true);
  // The outbox is re-applied once the scheduler has loaded, a moment after the page is interactive.
  await expect.poll(async () => fronts.includes((await study.front.textContent()) ?? "")).toBe(false);
  await expect.poll(() => study.count("new")).toBe(newAtStart - 2);

  // Back online: the outbox empties and the server has both answers.
  await page.unroute("**/api/reviews");
  await expect(study.sync).toHaveText("All answers saved", { timeout: 40_000 });
  await page.reload();
  await expect(study.showAnswer).toBeFocused();
  expect(await study.count("new")).toBe(newAtStart - 2);
  expect(fronts).not.toContain(await study.front.textContent());
});

test("offline, an answer taken back is no longer counted as waiting (issue 16, item 7)", async ({
  page,
  account,
}) => {
  await account.signUp("learner");
  await page.goto("/study?deck=mk4-vs-mk7");
  const study = studyPage(page);
  await page.route("**/api/reviews", (route) => route.abort("internetdisconnected"));
  for (let i = 0; i < 3; i++) {
    await expect(study.showAnswer).toBeFocused();
    await page.keyboard.press("Space");
    await expect(page.getByRole("button", { name: /^Good.*next in/ })).toBeVisible();
    await page.keyboard.press("3");
  }
  await expect(study.sync).toHaveText("Offline — 3 answers waiting");
  await page.keyboard.press("ControlOrMeta+z");
  await expect(study.sync).toHaveText("Offline — 2 answers waiting");
  await page.unroute("**/api/reviews");
  await expect(study.sync).toHaveText("All answers saved", { timeout: 40_000 });
});

test("an unknown deck is a 404", async ({ page, account }) => {
  await account.signUp("learner");
  const response = await page.goto("/study?deck=no-such-deck");
  expect(response?.status()).toBe(404);
});

test("signed out, the study page sends the learner to sign in and back", async ({ page }) => {
  await page.goto("/study?deck=mk4-vs-mk7");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fstudy%3Fdeck%3Dmk4-vs-mk7/);
});

test("the waiting panel's countdown reads its time words from the deferred chunk: they are downloaded once", async ({
  page,
  account,
}) => {
  await account.signUp("learner");
  await rolloverAwayFromNow(page);
  // One card of the deck (the typed quiz picks some), studied on its own.
  await page.goto("/decks/mk4-vs-mk7/typed-quiz");
  await expect(page).toHaveURL(/cards=/);
  const card = new URL(page.url()).searchParams.get("cards")?.split(",")[0];

  // Every script of the study page that carries the time words ("10m" is read "10 minutes").
  const withTimeWords = new Set<string>();
  page.on("response", async (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith("/_next/static/chunks/") || !url.pathname.endsWith(".js")) return;
    if ((await response.text().catch(() => "")).includes('"minute","minutes"'))
      withTimeWords.add(url.pathname);
  });
  await page.goto(`/study?cards=${card}`);
  const study = studyPage(page);
  await expect(study.showAnswer).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: /^Again.*next in/ })).toBeVisible();
  await page.keyboard.press("1");
  // Again: the card comes back in a minute; the panel counts down in words it did not load itself.
  await expect(page.getByRole("timer")).toHaveText(/^\d+:\d{2}$/);
  await expect(page.getByRole("button", { name: "Study it now" })).toBeVisible();
  expect([...withTimeWords]).toHaveLength(1);
});

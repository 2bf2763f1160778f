import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Issue 16: what a new learner trips over (items 2 and 6 here; more in the other learner specs).
const DECK = "MK-4 vs MK-7 (and K1 vs K2)";

function deckOnDashboard(page: Page) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: DECK }) });
}

async function rateCards(page: Page, count: number) {
  const showAnswer = page.getByRole("button", { name: "Show answer" });
  for (let i = 0; i < count; i++) {
    await expect(showAnswer).toBeFocused();
    await page.keyboard.press("Space");
    await expect(page.getByRole("button", { name: /^Good.*next in/ })).toBeVisible();
    await page.keyboard.press("3");
  }
  await expect(page.getByRole("status").filter({ hasText: "All answers saved" })).toBeVisible();
}

test("Back from a study session shows the dashboard's new numbers, not the cached ones", async ({
  page,
  account,
}) => {
  await account.signUp("learner");
  const started = deckOnDashboard(page).getByText(/\d+ of \d+ cards started/);
  await expect(started).toHaveText(/^0 of \d+ cards started/);
  await deckOnDashboard(page)
    .getByRole("link", { name: /^Start/ })
    .click();
  await expect(page).toHaveURL(/\/study\?deck=mk4-vs-mk7$/);
  await rateCards(page, 3);
  await page.goBack();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(started).toHaveText(/^3 of \d+ cards started/);

  // The statistics page too: visited, then studied, then Back twice.
  await page.goto("/stats");
  const total = page.getByRole("list", { name: "Summary" }).getByRole("listitem").filter({
    hasText: "reviews in total",
  });
  await expect(total).toContainText("3 reviews in total");
  await page.getByRole("banner").getByRole("link", { name: "Dashboard" }).click();
  await deckOnDashboard(page)
    .getByRole("link", { name: /^Study now/ })
    .click();
  await expect(page).toHaveURL(/\/study\?deck=mk4-vs-mk7$/);
  await rateCards(page, 1);
  await page.goBack();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/stats$/);
  await expect(total).toContainText("4 reviews in total");
});

test("the dashboard, the deck list and the deck page give a deck the same number of cards", async ({
  page,
  account,
}) => {
  await account.signUp("learner");
  const text = await deckOnDashboard(page)
    .getByText(/\d+ of \d+ cards started/)
    .textContent();
  const total = Number(/of (\d+) cards/.exec(text ?? "")?.[1]);
  expect(total).toBeGreaterThan(0);
  await page.goto("/decks");
  const summary = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: DECK }) });
  const counts = new RegExp(`^${total} cards \\(\\d+ also asked back to front\\) ·`);
  await expect(summary.getByText(counts)).toHaveText(counts);
  await page.goto("/decks/mk4-vs-mk7");
  await expect(
    page.getByText(new RegExp(`^${total} cards \\(\\d+ also asked back to front\\) ·`)),
  ).toBeVisible();
});

test("settings keep what was typed on an error, show it once by its field, and the workload text follows the field", async ({
  page,
  account,
}) => {
  await account.signUp("learner");
  await page.goto("/settings");
  const newPerDay = page.getByLabel("New cards per day, in each deck");
  const steps = page.getByLabel("Learning steps", { exact: true });
  await newPerDay.fill("25");
  await page.getByLabel("Maximum reviews per day").fill("150");
  await steps.fill("abc");
  await page.getByRole("button", { name: "Save settings" }).click();
  const message = 'Each step is a whole number followed by m, h or d, e.g. "10m" or "1d"';
  await expect(page.getByText(message)).toHaveCount(1);
  await expect(steps).toBeFocused();
  await expect(steps).toHaveAttribute("aria-invalid", "true");
  await expect(steps).toHaveValue("abc");
  await expect(newPerDay).toHaveValue("25");
  await expect(page.getByLabel("Maximum reviews per day")).toHaveValue("150");
  await expect(page.getByText("Please fix the highlighted settings.")).toHaveCount(0);
  await expect(page.getByText(/new ones at 25 a day/)).toBeVisible();

  await steps.fill("1m 10m");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved. They apply from your next card.")).toBeVisible();
  await expect(newPerDay).toHaveValue("25");
  await page.reload();
  await expect(newPerDay).toHaveValue("25");
});

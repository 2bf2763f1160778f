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
    .getByRole("link", { name: `Start: ${DECK}` })
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
    .getByRole("link", { name: `Study now: ${DECK}` })
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
  await expect(summary.locator(".deck-counts")).toHaveText(
    new RegExp(`^${total} cards \\(\\d+ also asked back to front\\) ·`),
  );
  await page.goto("/decks/mk4-vs-mk7");
  await expect(
    page.getByText(new RegExp(`^${total} cards \\(\\d+ also asked back to front\\) ·`)),
  ).toBeVisible();
});

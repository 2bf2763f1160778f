import type { Page } from "@playwright/test";
import { AccountPages, expect, test } from "./fixtures";

const DAY = 86_400_000;
const DECK = "MK-4 vs MK-7 (and K1 vs K2)";

/** Studies `count` new cards by keyboard (Space shows the answer, 3 rates Good) and waits until they are saved. */
async function studyCards(page: Page, count: number) {
  await page.goto("/study?deck=mk4-vs-mk7");
  const showAnswer = page.getByRole("button", { name: "Show answer" });
  for (let i = 0; i < count; i++) {
    await expect(showAnswer).toBeFocused();
    await page.keyboard.press("Space");
    await expect(page.getByRole("button", { name: /^Good.*next in/ })).toBeVisible();
    await page.keyboard.press("3");
  }
  await expect(page.getByRole("status").filter({ hasText: "All answers saved" })).toBeVisible();
}

/** A 5-question quiz by keyboard: the first choice of each question, or the first letter in each list. */
async function takeQuiz(page: Page) {
  await page.goto("/decks/mk4-vs-mk7/quiz");
  await page.getByRole("radio", { name: /^5 questions/ }).check();
  await page.getByRole("radio", { name: /^Mixed/ }).check();
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page).toHaveURL(/\/quiz\/[^/]+$/);
  for (let n = 1; n <= 5; n++) {
    await expect(page.locator("#quiz-progress-label")).toContainText(`Question ${n} of 5`);
    // The question's lists, not the header's theme switch.
    const lists = page.getByRole("main").getByRole("combobox");
    const count = await lists.count();
    if (count === 0) {
      await page.keyboard.press("1");
      await expect(page.getByRole("radio").first()).toBeChecked();
    } else {
      await page.locator("#question-prompt").focus();
      for (let i = 0; i < count; i++) {
        await page.keyboard.press("Tab");
        await expect(lists.nth(i)).toBeFocused();
        await page.keyboard.press("a");
      }
    }
    await page.keyboard.press("Enter");
    await expect(page.getByRole("region", { name: /^(Right|Not right)/ })).toBeFocused();
    await page.keyboard.press("Enter");
  }
  await expect(page).toHaveURL(/\/quiz\/[^/]+\/result$/);
}

test("a trainer follows a client's study and quiz, and loses sight of them when the client leaves", async ({
  page,
  account,
  browser,
}) => {
  const trainer = await account.signUp("trainer");
  await page.goto("/trainer");
  await expect(page.getByRole("heading", { name: "No clients yet" })).toBeVisible();
  await page.goto("/trainer/invitations");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel("Your new invitation link").inputValue();

  // The learner signs up in a browser of their own and accepts.
  const learnerContext = await browser.newContext();
  const learnerPage = await learnerContext.newPage();
  const client = await new AccountPages(learnerPage).signUp("learner");
  await learnerPage.goto(new URL(link).pathname);
  await learnerPage.getByRole("button", { name: "Accept" }).click();
  await expect(learnerPage).toHaveURL(/\/dashboard\?joined=/);

  await page.goto("/trainer/clients/assign");
  await page.getByRole("checkbox", { name: new RegExp(client.name) }).check();
  await page.getByLabel("Deck", { exact: true }).selectOption({ label: DECK });
  await page
    .getByLabel("Due date (optional)")
    .fill(new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Assign deck" }).click();
  await expect(page.getByText("Deck assigned to 1 client.")).toBeVisible();

  await studyCards(learnerPage, 5);
  await takeQuiz(learnerPage);

  // The clients table: reviews in 7 days, the quiz score and an on-track marker with its reason.
  await page.goto("/trainer");
  await expect(page.getByRole("heading", { name: "Your clients" })).toBeVisible();
  await expect(page.getByText("Showing 1 of 1")).toBeVisible();
  const table = page.getByRole("table");
  const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: client.name }) });
  await expect(row).toHaveCount(1);
  const reviews = Number(await row.locator('td[data-label="Reviews, 7 days"]').textContent());
  expect(reviews).toBeGreaterThanOrEqual(5);
  await expect(row).toContainText(DECK);
  await expect(row).toContainText(/Quiz (best )?\d+%/);
  await expect(row.locator(".track-pill")).toHaveText(/On track|At risk|Done/);
  await expect(row.locator(".track-reason")).not.toBeEmpty();
  await expect(table.getByRole("columnheader", { name: /^Status/ })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  await table.getByRole("link", { name: /^Reviews, 7 days/ }).click();
  await expect(table.getByRole("columnheader", { name: /^Reviews, 7 days/ })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  await expect(page.getByRole("link", { name: DECK })).toHaveAttribute("href", "/trainer/insight/mk4-vs-mk7");

  // The CSV has the client; a learner gets a 403.
  const csv = await page.request.get("/trainer/export");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toMatch(
    /^attachment; filename="retain-clients-\d{4}-\d{2}-\d{2}\.csv"$/,
  );
  expect(await csv.text()).toContain(client.email);
  expect((await learnerPage.request.get("/trainer/export")).status()).toBe(403);

  // The client page shows the reviews.
  await row.getByRole("link", { name: client.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: client.name })).toBeVisible();
  const clientUrl = page.url();
  await expect(page.getByRole("list", { name: "Summary" })).toContainText(/\d+ reviews, last 7 days/);
  await expect(page.locator("#client-heatmap-summary")).toContainText(/\d+ reviews on the assigned decks/);
  await expect(page.getByRole("heading", { name: "Weakest cards" })).toBeVisible();
  await expect(page.getByRole("img", { name: /cards introduced/ })).toBeVisible();
  // The chart is one image: Tab never stops on its SVG groups (its numbers are in a table).
  // Start from the last control before the first chart, and Tab until focus has passed it.
  const where = () =>
    page.evaluate(() => {
      const chart = document.querySelector('[aria-labelledby^="progress-summary-"]');
      const active = document.activeElement;
      if (!chart || !active) return "none";
      if (chart.contains(active)) return `in: ${active.outerHTML.slice(0, 60)}`;
      return chart.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING ? "after" : "before";
    });
  await page.evaluate(() => {
    const chart = document.querySelector('[aria-labelledby^="progress-summary-"]');
    const controls = [...document.querySelectorAll<HTMLElement>("a[href], button, input, select, summary")];
    const before = controls.filter(
      (control) => chart && chart.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_PRECEDING,
    );
    before.at(-1)?.focus();
  });
  const chartStops: string[] = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    const at = await where();
    if (at.startsWith("in")) chartStops.push(at);
    if (at === "after") break;
  }
  expect(chartStops).toEqual([]);
  expect(await where()).toBe("after");

  // The learner leaves: the trainer no longer sees them anywhere.
  await learnerPage.goto("/sharing");
  await learnerPage.getByRole("button", { name: `Leave ${trainer.name}` }).click();
  await learnerPage.getByRole("button", { name: "Yes, leave" }).click();
  await expect(learnerPage.getByText("You left your trainer.")).toBeVisible();

  await page.goto("/trainer");
  await expect(page.getByRole("heading", { name: "No clients yet" })).toBeVisible();
  await expect(page.getByText(client.name)).toHaveCount(0);
  const gone = await page.goto(clientUrl);
  expect(gone?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await learnerContext.close();
});

test("a client who does not share quiz answers: the trainer sees their study and scores, nothing of the quiz", async ({
  page,
  account,
  browser,
}) => {
  await account.signUp("trainer");
  await page.goto("/trainer/invitations");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel("Your new invitation link").inputValue();

  const learnerContext = await browser.newContext();
  const learnerPage = await learnerContext.newPage();
  const client = await new AccountPages(learnerPage).signUp("learner");
  await learnerPage.goto(new URL(link).pathname);
  await learnerPage.getByRole("checkbox", { name: /Share my quiz answers/ }).uncheck();
  await learnerPage.getByRole("button", { name: "Accept" }).click();
  await expect(learnerPage).toHaveURL(/\/dashboard\?joined=/);

  await page.goto("/trainer/clients/assign");
  await page.getByRole("checkbox", { name: new RegExp(client.name) }).check();
  await page.getByLabel("Deck", { exact: true }).selectOption({ label: DECK });
  await page.getByRole("button", { name: "Assign deck" }).click();
  await expect(page.getByText("Deck assigned to 1 client.")).toBeVisible();

  // Five cards studied, all Good; then a quiz whose answers (some wrong) rate other cards too.
  await studyCards(learnerPage, 5);
  await takeQuiz(learnerPage);

  // Exactly the five study answers, five cards introduced, the score, and no forgotten card.
  await page.goto("/trainer");
  const row = page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: client.name }) });
  await expect(row.locator('td[data-label="Reviews, 7 days"]')).toHaveText("5");
  await expect(row.locator(".introduced-text")).toHaveText(/^5\/\d+ introduced$/);
  await expect(row).toContainText(/Quiz \d+%/);
  await expect(row).toContainText("none forgotten in 7 days, 0 lapses");

  await row.getByRole("link", { name: client.name }).click();
  await expect(page.getByRole("list", { name: "Summary" })).toContainText("5 reviews, last 7 days");
  await expect(page.locator("#client-heatmap-summary")).toContainText("5 reviews on the assigned decks");
  await expect(page.getByText("Your client does not share quiz answers.")).toBeVisible();
  const weakest = page.getByRole("region", { name: "Weakest cards" });
  await expect(weakest.getByRole("row")).toHaveCount(6);
  await expect(weakest.locator('td[data-label="Again, 7 days"]')).toHaveText(["0", "0", "0", "0", "0"]);

  await page.goto("/trainer/insight/mk4-vs-mk7");
  await expect(page.getByText("None of your clients has forgotten a card of this deck yet.")).toBeVisible();
  await learnerContext.close();
});

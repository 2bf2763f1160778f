import { expect, test } from "./fixtures";

/** The start of a card's front as the study page shows it, before any cloze gap: the browser shows the gap filled. */
const lead = (front: string) => front.split(/\[|…/)[0]?.trim().slice(0, 24) ?? "";
const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

// Issue 20: suspend, bury and flag from the study screen by keyboard; the card browser shows them.

test("a learner flags, buries and suspends cards by keyboard, and the card browser shows and undoes it", async ({
  page,
  account,
}) => {
  await account.signUp("learner");
  await page.goto("/study?deck=mk4-vs-mk7");
  const showAnswer = page.getByRole("button", { name: "Show answer" });
  await expect(showAnswer).toBeFocused();
  const front = page.getByRole("article", { name: "Question" }).locator("#study-front");
  const newCount = async () => {
    const text = await page
      .getByRole("list", { name: "Cards left" })
      .getByRole("listitem")
      .filter({ hasText: "new" })
      .textContent();
    return Number(/\d+/.exec(text ?? "")?.[0]);
  };
  const atStart = await newCount();

  // Alt+2 flags the card on show orange; pressing it again would clear it.
  const flagged = (await front.textContent()) ?? "";
  await page.keyboard.press("Alt+2");
  await expect(page.getByRole("button", { name: "Orange flag" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("article", { name: "Question" }).getByText("Orange flag")).toBeVisible();

  // B buries it: the next card shows, one fewer left.
  await page.keyboard.press("b");
  await expect(page.getByRole("status").filter({ hasText: "Card buried until tomorrow." })).toBeVisible();
  await expect(front).not.toHaveText(flagged);
  await expect.poll(newCount).toBe(atStart - 1);

  // S suspends the next one.
  const suspended = (await front.textContent()) ?? "";
  await page.keyboard.press("s");
  await expect(page.getByRole("status").filter({ hasText: "Card suspended." })).toBeVisible();
  await expect(front).not.toHaveText(suspended);
  await expect.poll(newCount).toBe(atStart - 2);

  // Marks go out through the outbox like answers; once saved, a reload brings neither card back
  // (the new-card limit may fill the queue with others).
  await expect(page.getByRole("status").filter({ hasText: "All answers saved" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();
  expect([flagged, suspended]).not.toContain(await front.textContent());

  // The browser finds the suspended card and unsuspends it.
  await page.goto("/cards?state=suspended");
  await expect(page.getByRole("heading", { name: "1 card" })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("link", { name: startsWith(lead(suspended)) })).toBeVisible();
  await table.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Unsuspend" }).click();
  await expect(page.getByText("1 card unsuspended.")).toBeVisible();
  await page.goto("/cards?state=suspended");
  await expect(page.getByRole("heading", { name: "No cards match" })).toBeVisible();

  // The buried card carries its flag and shows as buried.
  await page.goto("/cards?state=buried&flag=2");
  await expect(page.getByRole("table").getByRole("link", { name: startsWith(lead(flagged)) })).toBeVisible();
  await expect(page.getByRole("table").getByText("Buried")).toBeVisible();
});

test("the card browser searches, sorts, pages and opens a card's history", async ({ page, account }) => {
  await account.signUp("learner");
  // Answer one card so it has a history.
  await page.goto("/study?deck=mk4-vs-mk7");
  await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();
  const answered =
    (await page.getByRole("article", { name: "Question" }).locator("#study-front").textContent()) ?? "";
  await page.keyboard.press("Space");
  // The answer is on the server before the browser is opened (the outbox sends it in the background).
  const saved = page.waitForResponse((r) => r.url().endsWith("/api/reviews") && r.status() === 200);
  await page.getByRole("button", { name: /^Good/ }).click();
  await saved;

  await page.goto("/cards");
  await expect(page.getByRole("heading", { level: 1, name: "Cards" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /\d+ cards/ })).toBeVisible();
  // A fresh learner's one answered card is their one learning card.
  await page.getByLabel("State").selectOption("learning");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/state=learning/);
  await expect(page.getByRole("heading", { name: "1 card" })).toBeVisible();
  await page
    .getByRole("table")
    .getByRole("link", { name: startsWith(lead(answered)) })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(lead(answered));
  const history = page.getByRole("table");
  await expect(history.getByRole("row")).toHaveCount(2);
  await expect(history.getByRole("cell", { name: "Good" })).toBeVisible();
  await expect(history.getByRole("cell", { name: "new", exact: true })).toBeVisible();
  await expect(history.getByRole("cell", { name: "learning", exact: true })).toBeVisible();
  // Content cards are not the learner's own: no editor link.
  await expect(page.getByRole("link", { name: "Edit this card" })).toHaveCount(0);

  // Sorting by a column header sets aria-sort.
  await page.goto("/cards?sort=front&dir=desc");
  await expect(page.getByRole("columnheader", { name: /Card/ })).toHaveAttribute("aria-sort", "descending");
  await page
    .getByRole("navigation", { name: "Pages of cards" })
    .getByRole("link", { name: "Next →" })
    .click();
  await expect(page).toHaveURL(/page=2/);
});

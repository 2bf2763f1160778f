import { normalizeQuote } from "../lib/content/quotes";
import { expect, test } from "./fixtures";

test("a learner filters a deck by evidence and follows a citation to its highlighted passage", async ({
  page,
  account,
}) => {
  await account.signUp("learner");
  await page.goto("/decks");
  await page.getByRole("link", { name: "MK-4 vs MK-7 (and K1 vs K2)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "MK-4 vs MK-7 (and K1 vs K2)" })).toBeVisible();
  await expect(page.getByText("Educational content, not medical advice.").first()).toBeVisible();

  const filter = page.getByRole("navigation", { name: "Filter by evidence" });
  const animalOnly = filter.getByRole("link", { name: /^Animal only \d+$/ });
  await animalOnly.click();
  await expect(page).toHaveURL(/\/decks\/mk4-vs-mk7\?evidence=animal$/);
  await expect(animalOnly).toHaveAttribute("aria-current", "page");
  await expect(filter.getByRole("link", { name: /^All \d+$/ })).not.toHaveAttribute("aria-current");

  const cards = page.getByRole("list", { name: "Cards" }).getByRole("listitem");
  await expect(cards.first()).toBeVisible();
  const shown = await cards.count();
  expect(shown).toBeGreaterThan(0);
  await expect(animalOnly).toHaveAccessibleName(`Animal only ${shown}`);
  // Every badge left is "Animal only"; no human-level badge may remain.
  await expect(page.getByText("Evidence: Animal only", { exact: true })).toHaveCount(shown);
  await expect(
    page.getByText(/^Evidence: (Meta-analysis|Human RCT|Human study|Cells only|Mechanism|Background)$/),
  ).toHaveCount(0);

  const card = cards.first();
  await card.getByText("Show answer and quotes").click();
  const cited = (await card.getByRole("blockquote").first().getByRole("paragraph").textContent()) ?? "";
  const quote = normalizeQuote(cited.replace(/^“|”$/g, ""));
  expect(quote.length).toBeGreaterThan(8);

  await card.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/sources\/[a-z0-9-]+\?q=[0-9a-z]+#q-[0-9a-z]+$/);
  await expect(page.getByRole("complementary", { name: "Quoted passage" })).toContainText(quote.slice(0, 40));

  // The passage is marked, scrolled into view and focused; a quote split by overlapping
  // citations spans several marks, which together hold its text.
  const followed = page.locator("mark.is-current");
  await expect(followed.first()).toBeInViewport();
  await expect(followed.first()).toBeFocused();
  const text = normalizeQuote((await followed.allTextContents()).join(""));
  expect(text).toBe(quote);
});

test("the source list links every document and an unknown deck is not found", async ({ page, account }) => {
  await account.signUp("learner");
  await page.goto("/sources");
  await expect(page.getByRole("heading", { level: 1, name: "Sources" })).toBeVisible();
  const documents = page.getByRole("heading", { level: 2 }).getByRole("link");
  await expect(documents).toHaveCount(5);
  await expect(page.getByRole("link", { name: "https://doi.org/10.1007/s00223-022-00955-3" })).toBeVisible();

  const response = await page.goto("/decks/no-such-deck");
  expect(response?.status()).toBe(404);
});

test("a card included in another deck is listed on both decks' pages", async ({ page, account }) => {
  await account.signUp("learner");
  // basics-c09 lives in the basics deck; mgp-vs-osteocalcin includes it (content `include:`).
  const front = "How do vitamin D and K2 split the calcium work, according to the documents?";
  for (const slug of ["k2-basics-safety", "mgp-vs-osteocalcin"]) {
    await page.goto(`/decks/${slug}`);
    const cards = page.getByRole("list", { name: "Cards" });
    await expect(cards.getByText(front, { exact: true })).toHaveCount(1);
  }
});

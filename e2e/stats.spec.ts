import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

test("a new learner finds statistics from the dashboard and sees the empty state", async ({
  page,
  account,
}) => {
  await account.signUp("learner");
  // The dashboard links to the statistics next to the due section (the header nav may too).
  await page.getByRole("main").getByRole("link", { name: "Statistics" }).click();
  await expect(page).toHaveURL(/\/stats$/);
  await expect(page.getByRole("heading", { name: "Statistics", level: 1 })).toBeVisible();
  await expect(page.getByText("No reviews yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Choose a deck" })).toBeVisible();
});

test("answered cards count as today's reviews and fill the card table", async ({ page, account }) => {
  await account.signUp("learner");
  // The study page is built elsewhere; answer through its API, with this page's session cookie.
  for (const cardId of ["mk-c01", "mk-c02"]) {
    const response = await page.request.post("/api/reviews", {
      data: {
        idempotencyKey: `e2e-${randomUUID()}`,
        cardId,
        rating: 3,
        expectedVersion: 0,
        answeredAt: Date.now(),
        durationMs: 1000,
      },
    });
    expect(response.status()).toBe(200);
  }

  await page.goto("/stats");
  await expect(page.getByRole("listitem").filter({ hasText: "reviews today" })).toHaveText(
    /^\s*2\s+reviews today/,
  );
  await expect(page.getByText(/2 reviews on 1 day of the last 365/)).toBeVisible();
  const table = page.getByRole("region", { name: "Card table" });
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("cell", { name: "Phylloquinone" })).toBeVisible();
  await expect(table.getByRole("cell", { name: "Menaquinone" })).toBeVisible();

  await table.getByRole("link", { name: /^Card/ }).click();
  await expect(page).toHaveURL(/sort=front&direction=asc/);
  await expect(table.getByRole("columnheader", { name: /^Card/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.getByRole("row").nth(1)).toContainText("Menaquinone");

  await page.goto("/dashboard");
  const deck = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: /MK-4 vs MK-7/ }) });
  await expect(deck.getByText(/^2 of \d+ cards started/)).toBeVisible();
  await expect(deck.getByRole("link", { name: /^Study now/ })).toHaveAttribute(
    "href",
    "/study?deck=mk4-vs-mk7",
  );
});

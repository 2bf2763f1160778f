import { AccountPages, expect, test } from "./fixtures";
import { seedReviewHistory } from "./optimize-seed";

test("a learner with enough history optimizes from settings, sees progress and the fit, and applies it", async ({
  page,
  account,
}) => {
  const user = await account.signUp("learner");
  const seeded = await seedReviewHistory(user.email, { cards: 90, answersPerCard: 6 });
  expect(seeded.reviews).toBe(540);

  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Optimize my schedule" });
  await expect(section.getByText(/you have 540\./)).toBeVisible();
  await expect(section.getByText("Now in use: FSRS's default parameters", { exact: false })).toBeVisible();

  await section.getByRole("button", { name: "Optimize my schedule" }).click();
  const progress = section.getByRole("progressbar");
  await expect(progress).toBeVisible();
  await expect(section.getByRole("heading", { name: "New parameters ready (version 1)" })).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuenow", "100");
  await expect(section.getByText("Optimization finished.", { exact: false })).toBeVisible();

  // The fit of the defaults and of the new parameters, on the same reviews.
  await expect(section.getByText(/on 540 reviews of 90 cards/)).toBeVisible();
  const fit = section.getByRole("table", { name: "Fit on the same reviews; lower is better" });
  await expect(fit.getByRole("row", { name: /^Log loss 0\.\d{4} 0\.\d{4}$/ })).toBeVisible();
  await expect(fit.getByRole("row", { name: /^RMSE/ })).toBeVisible();
  await expect(section.getByText(/predict these reviews better: log loss [\d.]+% lower/)).toBeVisible();
  await expect(section.getByText(/of your 90 answered cards would move/)).toBeVisible();

  await section.getByRole("checkbox", { name: /Also reschedule my cards/ }).check();
  await section.getByRole("button", { name: "Apply new parameters" }).click();
  await expect(section.getByText(/^New parameters in use\. \d+ cards? rescheduled\.$/)).toBeVisible();
  await expect(section.getByRole("heading", { name: /New parameters ready/ })).toHaveCount(0);
  await expect(section.getByText("Now in use: your parameters, version 1", { exact: false })).toBeVisible();

  const versions = page.getByRole("region", { name: "Parameter versions" });
  await expect(versions.getByRole("row", { name: /Version 1/ })).toContainText("In use");
  await expect(versions.getByRole("button", { name: "Back to defaults" })).toBeVisible();

  // Every card now sits where the new parameters put it.
  const reschedule = page.getByRole("region", { name: "Reschedule my cards" });
  await reschedule.getByRole("button", { name: "Check which cards would move" }).click();
  await expect(reschedule.getByText("None of your 90 answered cards would move.")).toBeVisible();
});

test("with too little history the learner is told why, and the defaults stay", async ({ page, account }) => {
  const user = await account.signUp("learner");
  await seedReviewHistory(user.email, { cards: 20, answersPerCard: 5 });
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Optimize my schedule" });
  // Said beforehand (issue 16, item 9): the button is disabled with its reason, and does nothing.
  const optimize = section.getByRole("button", { name: "Optimize my schedule" });
  await expect(optimize).toBeDisabled();
  await expect(optimize).toHaveAccessibleDescription("Available once you have 400 reviews: 300 to go.");
  await optimize.click({ force: true });
  await expect(section.getByRole("progressbar")).toHaveCount(0);
  await expect(section.getByText("Now in use: FSRS's default parameters", { exact: false })).toBeVisible();
  await expect(page.getByRole("region", { name: "Parameter versions" }).getByText(/None yet/)).toBeVisible();
});

test("a trainer fits group parameters on a deck; a client with little history of their own is scheduled with them", async ({
  page,
  account,
  browser,
}) => {
  const trainer = await account.signUp("trainer");
  await page.goto("/trainer/invitations");
  await page.getByLabel("Clients who can join with it").fill("2");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = new URL(await page.getByLabel("Your new invitation link").inputValue()).pathname;

  const clients = [];
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext();
    const clientPage = await context.newPage();
    const client = await new AccountPages(clientPage).signUp("learner");
    await clientPage.goto(link);
    await clientPage.getByRole("button", { name: "Accept" }).click();
    await expect(clientPage).toHaveURL(/\/dashboard\?joined=/);
    clients.push({ page: clientPage, ...client });
  }
  await page.goto("/trainer/clients/assign");
  for (const client of clients) await page.getByRole("checkbox", { name: new RegExp(client.name) }).check();
  await page.getByLabel("Deck", { exact: true }).selectOption({ label: "K2 basics and safety" });
  await page.getByRole("button", { name: "Assign deck" }).click();
  await expect(page.getByText("Deck assigned to 2 clients.")).toBeVisible();

  // The first client has a long history on the deck; the second has none.
  const [veteran, newcomer] = clients as [(typeof clients)[number], (typeof clients)[number]];
  const seeded = await seedReviewHistory(veteran.email, {
    deck: "k2-basics-safety",
    cards: 60,
    answersPerCard: 12,
  });
  // The deck has fewer than 60 cards of its own; the fit needs at least 400 reviews.
  expect(seeded.reviews).toBe(seeded.cards * 12);
  expect(seeded.reviews).toBeGreaterThanOrEqual(400);

  await page.goto("/trainer/insight/k2-basics-safety");
  const group = page.getByRole("region", { name: "Group parameters", exact: true });
  await expect(
    group.getByText(new RegExp(`this deck's ${seeded.reviews} reviews by your 2 clients`)),
  ).toBeVisible();
  await group.getByRole("button", { name: "Fit group parameters" }).click();
  await expect(group.getByRole("heading", { name: "New group parameters (version 1)" })).toBeVisible();
  await expect(group.getByRole("table", { name: "Fit on the same reviews; lower is better" })).toBeVisible();
  await group.getByRole("button", { name: "Use for my clients" }).click();
  await expect(group.getByText("In use: version 1", { exact: false })).toBeVisible();

  await newcomer.page.goto("/settings");
  await expect(
    newcomer.page
      .getByRole("region", { name: "Optimize my schedule" })
      .getByText(`Now in use: the group parameters ${trainer.name} fitted`, { exact: false }),
  ).toBeVisible();
  // The veteran has enough history of their own: the defaults until they optimize.
  await veteran.page.goto("/settings");
  await expect(
    veteran.page
      .getByRole("region", { name: "Optimize my schedule" })
      .getByText("Now in use: FSRS's default parameters", { exact: false }),
  ).toBeVisible();
});

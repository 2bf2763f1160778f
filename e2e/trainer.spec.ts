import { AccountPages, expect, test } from "./fixtures";

const DAY = 86_400_000;
const DECK = "MK-4 vs MK-7 (and K1 vs K2)";

test("a trainer invites a learner, who joins from the link, sees the assigned deck and leaves", async ({
  page,
  account,
  browser,
}) => {
  const trainer = await account.signUp("trainer");
  await page.goto("/trainer/invitations");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel("Your new invitation link").inputValue();
  expect(link).toMatch(/^http:\/\/[^/]+\/invite\/[A-Za-z0-9_-]{16,}$/);
  const invitePath = new URL(link).pathname;
  await expect(page.getByRole("listitem").filter({ hasText: "Active" })).toContainText("0 of 1");

  // The learner opens the link signed out, in a browser of their own.
  const learnerContext = await browser.newContext();
  const learnerPage = await learnerContext.newPage();
  const client = new AccountPages(learnerPage).newCredentials("learner");
  await learnerPage.goto(link);
  await expect(
    learnerPage.getByRole("heading", { name: `${trainer.name} invited you to train with them on Retain` }),
  ).toBeVisible();
  await expect(learnerPage.getByText("which quiz answers you got wrong")).toBeVisible();
  await learnerPage.getByRole("link", { name: "Create an account to accept" }).click();
  await expect(learnerPage).toHaveURL(/\/sign-up\?callbackUrl=%2Finvite%2F/);
  await learnerPage.getByLabel("Name").fill(client.name);
  await learnerPage.getByLabel("Email").fill(client.email);
  await learnerPage.getByLabel("Password").fill(client.password);
  await learnerPage.getByRole("button", { name: "Create account" }).click();

  await expect(learnerPage).toHaveURL(new RegExp(`${invitePath}$`));
  await expect(learnerPage.getByRole("checkbox", { name: /Share my quiz answers/ })).toBeChecked();
  await learnerPage.getByRole("button", { name: "Accept" }).click();
  await expect(learnerPage).toHaveURL(/\/dashboard\?joined=/);

  // The trainer assigns the deck with a due date two weeks out.
  await page.goto("/trainer/clients/assign");
  await page.getByRole("checkbox", { name: new RegExp(client.name) }).check();
  await page.getByLabel("Deck", { exact: true }).selectOption({ label: DECK });
  await page
    .getByLabel("Due date (optional)")
    .fill(new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Assign deck" }).click();
  await expect(page.getByText("Deck assigned to 1 client.")).toBeVisible();
  const clientRow = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: client.name }) });
  await expect(clientRow).toContainText(DECK);
  await expect(clientRow).toContainText("Due ");

  // The learner's sharing page names the trainer and the deck they can see.
  await learnerPage.goto("/sharing");
  const trainerCard = learnerPage
    .getByRole("listitem")
    .filter({ has: learnerPage.getByRole("heading", { name: trainer.name }) });
  await expect(trainerCard.getByRole("link", { name: DECK })).toBeVisible();
  const sharing = trainerCard.getByRole("switch", { name: /Share my quiz answers/ });
  await expect(sharing).toBeChecked();
  await sharing.uncheck();
  await expect(
    trainerCard.getByText("your trainer sees your quiz scores but not your answers"),
  ).toBeVisible();
  await learnerPage.reload();
  await expect(sharing).not.toBeChecked();

  await trainerCard.getByRole("button", { name: `Leave ${trainer.name}` }).click();
  await learnerPage.getByRole("button", { name: "Yes, leave" }).click();
  await expect(learnerPage.getByText("You left your trainer.")).toBeVisible();
  await expect(learnerPage.getByRole("heading", { name: trainer.name })).toHaveCount(0);

  // The link has ended: the trainer's page no longer lists the client.
  await page.goto("/trainer/clients/assign");
  await expect(page.getByRole("heading", { name: "Assign decks" })).toBeVisible();
  await expect(page.getByText(client.name)).toHaveCount(0);
  await learnerContext.close();
});

test("a revoked link is closed, and trainer pages turn a learner away kindly", async ({
  page,
  account,
  browser,
}) => {
  await account.signUp("trainer");
  await page.goto("/trainer/invitations");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel("Your new invitation link").inputValue();
  await page.getByRole("button", { name: /^Revoke the link created/ }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Revoked" })).toBeVisible();

  const learnerContext = await browser.newContext();
  const learnerPage = await learnerContext.newPage();
  await learnerPage.goto(link);
  await expect(learnerPage.getByText("Your trainer withdrew this invitation.")).toBeVisible();
  await expect(learnerPage.getByRole("button", { name: "Accept" })).toHaveCount(0);
  await learnerPage.goto("/invite/not-a-real-invitation-code");
  await expect(learnerPage.getByText("This invitation link is not valid.")).toBeVisible();

  await new AccountPages(learnerPage).signUp("learner");
  await learnerPage.goto("/trainer/invitations");
  await expect(learnerPage.getByRole("heading", { name: "This page is for trainers" })).toBeVisible();
  await learnerContext.close();
});

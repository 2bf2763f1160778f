import type { Browser, Page } from "@playwright/test";
import { AccountPages, expect, test } from "./fixtures";

// Issue 16, items 5, 13, 14 and 15: what a trainer trips over in the invitation and assignment forms.
const DECK = "MK-4 vs MK-7 (and K1 vs K2)";

async function newInvitationLink(page: Page): Promise<string> {
  await page.goto("/trainer/invitations");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  return page.getByLabel("Your new invitation link").inputValue();
}

/** A learner in a browser of their own who accepts `link`, with quiz sharing as given. */
async function joiningClient(browser: Browser, link: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const client = await new AccountPages(page).signUp("learner");
  await page.goto(link);
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page).toHaveURL(/\/dashboard\?joined=/);
  return { context, page, client };
}

/** A calendar date (YYYY-MM-DD) `days` from today where the browser is. */
function browserDay(page: Page, days: number): Promise<string> {
  return page.evaluate((offset) => {
    const date = new Date();
    date.setDate(date.getDate() + offset);
    return new Intl.DateTimeFormat("en-CA").format(date);
  }, days);
}

test("the invitation form keeps what was typed on an error and shows the error once, by its field", async ({
  page,
  account,
}) => {
  await account.signUp("trainer");
  await page.goto("/trainer/invitations");
  await page.getByLabel("Clients who can join with it").fill("0");
  await page.getByLabel("Expires after (days)").fill("30");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const error = page.getByText("At least one client must be able to use the link.");
  await expect(error).toHaveCount(1);
  await expect(page.getByLabel("Clients who can join with it")).toHaveValue("0");
  await expect(page.getByLabel("Expires after (days)")).toHaveValue("30");
  await expect(page.getByLabel("Clients who can join with it")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Please fix the highlighted fields.")).toHaveCount(0);
});

test("assigning: past dates refused, a repeat says it replaces, unassign asks, confirms and keeps focus", async ({
  page,
  account,
  browser,
}) => {
  await account.signUp("trainer");
  const link = await newInvitationLink(page);
  const { context, client } = await joiningClient(browser, link);

  await page.goto("/trainer/clients/assign");
  await page.getByRole("checkbox", { name: new RegExp(client.name) }).check();
  await page.getByLabel("Deck", { exact: true }).selectOption({ label: DECK });
  const due = page.getByLabel("Due date (optional)");
  await due.fill(await browserDay(page, -1));
  await page.getByRole("button", { name: "Assign deck" }).click();
  await expect(page.getByText("This date has passed. Choose today or a later day.")).toBeVisible();
  await expect(due).toHaveAttribute("aria-invalid", "true");

  await due.fill(await browserDay(page, 7));
  await page.getByRole("button", { name: "Assign deck" }).click();
  await expect(page.getByText("Deck assigned to 1 client.")).toBeVisible();
  // The same deck again: the form warns before, and the message says what was replaced.
  await expect(
    page.getByText(/Already assigned: .*Assigning it again replaces the due date and goal/),
  ).toBeVisible();
  await due.fill(await browserDay(page, 14));
  await page.getByRole("button", { name: "Assign deck" }).click();
  await expect(
    page.getByText(`${client.name} already had it: the new due date and goal replaced the earlier ones.`),
  ).toBeVisible();

  // Unassign asks first; Escape cancels and gives the focus back to the button.
  const unassign = page.getByRole("button", { name: `Unassign ${DECK} from ${client.name}` });
  await unassign.click();
  await expect(page.getByRole("button", { name: "Yes, unassign" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Yes, unassign" })).toHaveCount(0);
  await expect(unassign).toBeFocused();
  await unassign.click();
  await page.getByRole("button", { name: "Yes, unassign" }).click();
  const done = page.getByText(`${DECK} unassigned from ${client.name}.`);
  await expect(done).toBeVisible();
  await expect(done).toBeFocused();

  // Escape cancels "Remove client" too.
  await page.getByRole("button", { name: `Remove ${client.name}` }).click();
  await expect(page.getByRole("button", { name: "Yes, remove" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Yes, remove" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Remove ${client.name}` })).toBeFocused();
  await context.close();
});

test("a client who leaves and rejoins keeps sharing off and gets no old assignment back", async ({
  page,
  account,
  browser,
}) => {
  const trainer = await account.signUp("trainer");
  const { context, page: clientPage, client } = await joiningClient(browser, await newInvitationLink(page));
  await page.goto("/trainer/clients/assign");
  await page.getByRole("checkbox", { name: new RegExp(client.name) }).check();
  await page.getByLabel("Deck", { exact: true }).selectOption({ label: DECK });
  await page.getByRole("button", { name: "Assign deck" }).click();
  await expect(page.getByText("Deck assigned to 1 client.")).toBeVisible();
  // Item 9: with no reviews yet, fitting group parameters says beforehand what it needs.
  await page.goto("/trainer/insight/mk4-vs-mk7");
  const fit = page.getByRole("button", { name: "Fit group parameters" });
  await expect(fit).toBeDisabled();
  await expect(fit).toHaveAccessibleDescription(
    "Available once your clients have 400 reviews of this deck: 400 to go.",
  );

  await clientPage.goto("/sharing");
  await clientPage.getByRole("switch", { name: /Share my quiz answers/ }).uncheck();
  await expect(clientPage.getByText("your trainer sees your quiz scores but not your answers")).toBeVisible();
  // Escape cancels "Leave trainer"; then the client leaves.
  const leave = clientPage.getByRole("button", { name: `Leave ${trainer.name}` });
  await leave.click();
  await clientPage.keyboard.press("Escape");
  await expect(clientPage.getByRole("button", { name: "Yes, leave" })).toHaveCount(0);
  await expect(leave).toBeFocused();
  await leave.click();
  await clientPage.getByRole("button", { name: "Yes, leave" }).click();
  await expect(clientPage.getByText("You left your trainer.")).toBeVisible();

  await clientPage.goto(await newInvitationLink(page));
  await expect(clientPage.getByRole("checkbox", { name: /Share my quiz answers/ })).not.toBeChecked();
  await clientPage.getByRole("button", { name: "Accept" }).click();
  await expect(clientPage).toHaveURL(/\/dashboard\?joined=/);
  await clientPage.goto("/sharing");
  await expect(clientPage.getByRole("switch", { name: /Share my quiz answers/ })).not.toBeChecked();
  await expect(clientPage.getByRole("link", { name: DECK })).toHaveCount(0);
  await context.close();
});

test("the clients CSV opens in a spreadsheet as UTF-8", async ({ page, account }) => {
  await account.signUp("trainer");
  const csv = await page.request.get("/trainer/export");
  expect(csv.status()).toBe(200);
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.subarray(3).toString("utf8")).toMatch(/^Name,Email,Status,/);
});

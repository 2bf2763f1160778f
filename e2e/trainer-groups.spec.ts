import type { Browser } from "@playwright/test";
import { AccountPages, expect, test } from "./fixtures";

const DAY = 86_400_000;
const DECK = "MK-4 vs MK-7 (and K1 vs K2)";
const GROUP = "Tuesday 6 am class";

/** A learner signs up from the group link in a browser of their own and accepts. */
async function joinFromLink(browser: Browser, link: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const client = new AccountPages(page).newCredentials("learner");
  await page.goto(link);
  await expect(page.getByText(`You join the group ${GROUP}.`)).toBeVisible();
  await page.getByRole("link", { name: "Create an account to accept" }).click();
  await page.getByLabel("Name").fill(client.name);
  await page.getByLabel("Email").fill(client.email);
  await page.getByLabel("Password").fill(client.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page).toHaveURL(/\/dashboard\?joined=/);
  return { context, page, client };
}

test("a trainer makes a group link, two clients join, the trainer assigns to the group, edits a due date, and the client sees the note", async ({
  page,
  account,
  browser,
}) => {
  await account.signUp("trainer");
  await page.goto("/trainer/invitations");
  await page.getByLabel("Clients who can join with it").fill("5");
  await page.getByLabel("Group (optional)").fill(GROUP);
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel(`Your new invitation link for ${GROUP}`).inputValue();

  const first = await joinFromLink(browser, link);
  const second = await joinFromLink(browser, link);

  // The group exists with both; the clients table filters by it.
  await page.goto("/trainer/groups");
  await expect(page.getByRole("listitem").filter({ hasText: GROUP })).toContainText("2 clients");
  await page.getByRole("link", { name: `Clients in ${GROUP}` }).click();
  await expect(page.getByLabel("Group", { exact: true })).toHaveValue(/.+/);
  await expect(page.getByRole("link", { name: first.client.name })).toBeVisible();
  await expect(page.getByRole("link", { name: second.client.name })).toBeVisible();

  // Assign by group, with a message, from the assign page.
  await page.goto("/trainer/clients/assign");
  await page.getByLabel("Select a group").selectOption({ label: `Everyone in ${GROUP} (2)` });
  await expect(page.getByText("2 of 2 selected")).toBeVisible();
  await page.getByLabel("Deck", { exact: true }).selectOption({ label: DECK });
  await page.getByLabel("Message to your clients (optional)").fill("Finish before Tuesday's class");
  await page.getByRole("button", { name: "Assign deck" }).click();
  await expect(page.getByText("Deck assigned to 2 clients.")).toBeVisible();

  // Edit the first client's due date in place.
  await page.goto("/trainer");
  await page.getByRole("link", { name: first.client.name }).click();
  await page.getByText("Edit due date, goal and message").click();
  const due = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);
  await page.getByLabel("Due date", { exact: true }).fill(due);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(
    page.getByText("Saved. Your client sees a note about the change on their dashboard."),
  ).toBeVisible();

  // A private note stays on the trainer's side.
  await page.getByLabel("New note").fill("Prefers morning sessions.");
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByText("Prefers morning sessions.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Progress over time" })).toBeVisible();

  // The client sees the assignment's message and the note about the new due date.
  await first.page.goto("/dashboard");
  await expect(first.page.getByText("Finish before Tuesday's class")).toBeVisible();
  const dueText = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(due),
  );
  await expect(first.page.getByText(`${DECK} is now due ${dueText}.`)).toBeVisible();
  await expect(first.page.getByText("Prefers morning sessions.")).toHaveCount(0);
  await first.page.getByRole("button", { name: /^Dismiss/ }).click();
  await expect(first.page.getByText(`${DECK} is now due ${dueText}.`)).toHaveCount(0);

  // The second client got the message but no change note.
  await second.page.goto("/dashboard");
  await expect(second.page.getByText("Finish before Tuesday's class")).toBeVisible();
  await expect(second.page.getByText("is now due")).toHaveCount(0);

  // A reminder to the whole group from the table's bulk bar.
  await page.goto("/trainer/groups");
  await page.getByRole("link", { name: `Clients in ${GROUP}` }).click();
  await page.getByRole("radio", { name: `Everyone in ${GROUP}` }).check();
  await page.getByLabel("Reminder text (optional)").fill("See you at 6!");
  await page.getByRole("button", { name: "Send reminder" }).click();
  await expect(page.getByText("Reminder sent to 2 clients.")).toBeVisible();
  await second.page.reload();
  await expect(second.page.getByText(/See you at 6!/)).toBeVisible();

  // The printable report shows the client's history.
  await page.goto("/trainer");
  await page.getByRole("link", { name: first.client.name }).click();
  await page.getByRole("link", { name: "Printable report" }).click();
  await expect(page.getByRole("heading", { name: `Progress report: ${first.client.name}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: DECK })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();

  await first.context.close();
  await second.context.close();
});

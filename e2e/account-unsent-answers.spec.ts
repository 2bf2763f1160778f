import type { BrowserContext, Page } from "@playwright/test";
import { type AccountPages, type Credentials, expect, test } from "./fixtures";
import { e2eDatabaseUrl, withDatabase } from "./server-database";

// Leaving from the account page with answers still waiting in the study page's outboxes, which keep
// sending after an in-app navigation. "Sign out everywhere" sends them first, as the header's Sign
// out does; deleting the account drops them from the device. Neither asks "leave site?".

/** Whether answers may reach the server, and how many tries it refused meanwhile. */
interface AnswerGate {
  reachable: boolean;
  refused: number;
}

/**
 * Answers one card offline, comes back online with the answers' route still failing (so the answer
 * keeps waiting), then opens the account page through the header's link: a client-side navigation,
 * so the study page's outbox is still alive there.
 */
async function answerWhileUnreachable(
  page: Page,
  context: BrowserContext,
  user: Credentials,
): Promise<AnswerGate> {
  const gate: AnswerGate = { reachable: false, refused: 0 };
  await page.route("**/api/reviews", (route) => {
    if (gate.reachable) return route.continue();
    gate.refused++;
    return route.abort("internetdisconnected");
  });
  await page.goto("/study?deck=mk4-vs-mk7");
  await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();
  await context.setOffline(true);
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: /^Good.*next in/ })).toBeVisible();
  await page.keyboard.press("3");
  const sync = page.getByRole("status").filter({ hasText: /saved|Saving|waiting|retrying/ });
  await expect(sync).toHaveText("Offline — 1 answer waiting");
  await context.setOffline(false);
  await page
    .getByRole("banner")
    .getByRole("link", { name: `Account: ${user.name}` })
    .click();
  await expect(page.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
  expect(await outboxKeys(page)).toHaveLength(1);
  return gate;
}

/**
 * A new learner with one answer waiting, on the account page, with every dialog recorded from
 * there on. `reconnect` lets answers through once the outbox has backed off: after two refused
 * retries the next one is seconds away, so only the step under test can send it now.
 */
async function learnerWithWaitingAnswer(
  page: Page,
  context: BrowserContext,
  account: AccountPages,
  { reconnect = false } = {},
): Promise<{ user: Credentials; dialogs: string[] }> {
  const user = await account.signUp("learner");
  const gate = await answerWhileUnreachable(page, context, user);
  if (reconnect) {
    await expect.poll(() => gate.refused).toBeGreaterThanOrEqual(2);
    gate.reachable = true;
  }
  return { user, dialogs: recordDialogs(page) };
}

/** Signs in again with the answers' route open: the answer kept on the device goes out from /study. */
async function signInAndSendKept(page: Page, account: AccountPages, credentials: Credentials): Promise<void> {
  await page.unroute("**/api/reviews");
  await account.signIn(credentials);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/study?deck=mk4-vs-mk7");
  await expect.poll(() => savedAnswers(credentials.email), { timeout: 20_000 }).toBe(1);
}

/** The study outboxes this browser keeps (one per learner and study scope). */
function outboxKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes("study-outbox")));
}

/** Records every dialog (a "leave site?" prompt is a "beforeunload" one) and lets the page go on. */
function recordDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on("dialog", async (dialog) => {
    seen.push(dialog.type());
    await dialog.accept();
  });
  return seen;
}

/** How many study answers of this learner the server has recorded. */
function savedAnswers(email: string): Promise<number> {
  return withDatabase(e2eDatabaseUrl(), async (db) => {
    const row = await db
      .selectFrom("ReviewLog as l")
      .innerJoin("User as u", "u.id", "l.userId")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("u.email", "=", email)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  });
}

test("signing out everywhere sends a waiting answer before the sessions end, without a 'leave site?' prompt", async ({
  page,
  context,
  account,
}) => {
  const { user, dialogs } = await learnerWithWaitingAnswer(page, context, account, { reconnect: true });

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(await savedAnswers(user.email)).toBe(1);
  expect(dialogs).toEqual([]);
  expect(await outboxKeys(page)).toEqual([]);
});

test("signing out everywhere while an answer cannot reach the server offers to stay signed in", async ({
  page,
  context,
  account,
}) => {
  const { user, dialogs } = await learnerWithWaitingAnswer(page, context, account);

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "1 answer has not reached the server yet" }),
  ).toBeVisible();
  // Nothing was revoked yet: this browser is still signed in.
  expect(new URL((await page.request.get("/dashboard")).url()).pathname).toBe("/dashboard");

  await page.getByRole("button", { name: "Sign out anyway" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(dialogs).toEqual([]);
  // The answer stays on this device under the learner's id and goes out at their next sign-in here.
  expect(await outboxKeys(page)).toHaveLength(1);
  await signInAndSendKept(page, account, user);
});

test("deleting the account with an answer waiting leaves nothing of it on the device, without a prompt", async ({
  page,
  context,
  account,
}) => {
  const { user, dialogs } = await learnerWithWaitingAnswer(page, context, account);

  await page.getByLabel("Your password").fill(user.password);
  await page.getByLabel('Type "delete" to confirm').fill("delete");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/");
  expect(dialogs).toEqual([]);
  expect(await outboxKeys(page)).toEqual([]);
});

/** Changes the password on the account page and waits for the answer that this device is signed out. */
async function changePassword(page: Page, user: Credentials): Promise<Credentials> {
  const changed = { ...user, password: `${user.password}-new` };
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password").fill(changed.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Every device is signed out, this one too")).toBeVisible();
  return changed;
}

test("changing the password sends a waiting answer while the session still stands", async ({
  page,
  context,
  account,
}) => {
  const { user } = await learnerWithWaitingAnswer(page, context, account, { reconnect: true });

  await changePassword(page, user);
  // Sent before the change ended the session: afterwards the server would have refused it.
  expect(await savedAnswers(user.email)).toBe(1);
  expect(await outboxKeys(page)).toEqual([]);
});

test("an answer that cannot be sent before a password change waits for the next sign-in, without a prompt", async ({
  page,
  context,
  account,
}) => {
  const { user, dialogs } = await learnerWithWaitingAnswer(page, context, account);

  const changed = await changePassword(page, user);
  expect(await outboxKeys(page)).toHaveLength(1);
  // Going on to sign in again asks no "leave site?": the outboxes stopped with the session.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
  expect(dialogs).toEqual([]);

  await signInAndSendKept(page, account, changed);
});

import { AccountPages, expect, test } from "./fixtures";

test("a learner signs up, signs out, signs in again and sees the dashboard", async ({ page, account }) => {
  const user = await account.signUp("learner");
  await expect(page.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
  await account.signOut();

  await page.goto("/sign-in");
  await account.signIn(user);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your clients" })).toHaveCount(0);
});

test("a wrong password shows one clear error and does not sign in", async ({ page, account }) => {
  const user = await account.signUp("learner");
  await account.signOut();
  await page.goto("/sign-in");
  await account.signIn({ email: user.email, password: "not-the-password" });
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  await account.signIn({ email: "nobody-here@example.com", password: "not-the-password" });
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
});

test("a trainer sees the trainer section of the dashboard", async ({ page, account }) => {
  await account.signUp("trainer");
  await expect(page.getByRole("heading", { name: "Your clients" })).toBeVisible();
  await expect(page.getByText("Trainer", { exact: true })).toBeVisible();
});

test("an anonymous visit to the dashboard lands on sign-in and comes back after", async ({
  page,
  account,
}) => {
  const user = await account.signUp("learner");
  await account.signOut();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);
  await account.signIn(user);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("sign-up with bad input shows field errors and creates nothing", async ({ page, account }) => {
  const user = account.newCredentials();
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up/);
});

test("signing out everywhere ends the session in another browser", async ({ page, account, browser }) => {
  const user = await account.signUp("learner");
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/sign-in");
  await new AccountPages(otherPage).signIn(user);
  await expect(otherPage).toHaveURL(/\/dashboard$/);

  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await otherPage.goto("/dashboard");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await other.close();
});

test("a learner downloads their data, then deletes the account for good", async ({ page, account }) => {
  const user = await account.signUp("learner");
  await page.goto("/account");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data (JSON)" }).click();
  const file = await (await download).path();
  const data = JSON.parse(await (await import("node:fs/promises")).readFile(file, "utf8"));
  expect(data.user.email).toBe(user.email);

  await page.getByLabel("Your password").fill(user.password);
  await page.getByLabel('Type "delete" to confirm').fill("delete");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/sign-in");
  await account.signIn(user);
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
});

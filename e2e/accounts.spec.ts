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

// --- issue 13: sessions, passwords, return addresses ---------------------------------------------

test("a copied session cookie stops working after a plain sign-out", async ({ page, account, browser }) => {
  await account.signUp("learner");
  const copy = await browser.newContext();
  await copy.addCookies(await page.context().cookies());
  const copyPage = await copy.newPage();
  await copyPage.goto("/dashboard");
  await expect(copyPage).toHaveURL(/\/dashboard$/);

  await account.signOut();
  await copyPage.goto("/dashboard");
  await expect(copyPage).toHaveURL(/\/sign-in/);
  await copy.close();
});

test("after a password change the message says this device is signed out too, and it is", async ({
  page,
  account,
}) => {
  const user = await account.signUp("learner");
  await page.goto("/account");
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password").fill(`${user.password}-new`);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Every device is signed out, this one too")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
  await account.signIn({ email: user.email, password: `${user.password}-new` });
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("the current password allows ten wrong tries an hour, then says how long to wait", async ({
  page,
  account,
}) => {
  const user = await account.signUp("learner");
  await page.goto("/account");
  const changeForm = page.locator("form").filter({ has: page.getByLabel("Current password") });
  const deleteForm = page.locator("form").filter({ has: page.getByLabel("Your password") });
  const changePassword = async (current: string) => {
    await page.getByLabel("Current password").fill(current);
    await page.getByLabel("New password").fill("a valid new password");
    // One answer at a time: the next try starts once this one came back.
    await Promise.all([
      page.waitForResponse(
        (response) => response.request().method() === "POST" && response.url().endsWith("/account"),
      ),
      page.getByRole("button", { name: "Change password" }).click(),
    ]);
    // React resets the form once the answer is rendered; filling before that would be undone.
    await expect(page.getByLabel("New password")).toHaveValue("");
  };
  for (let i = 0; i < 10; i++) {
    await changePassword(`wrong-${i}`);
    await expect(changeForm.locator(".alert")).toHaveText("Your current password is not correct.");
  }
  // The right password now waits too, and so does deleting the account (the same count).
  await changePassword(user.password);
  await expect(changeForm.locator(".alert")).toHaveText("Too many wrong passwords. Try again in 60 minutes.");
  await page.getByLabel("Your password").fill(user.password);
  await page.getByLabel('Type "delete" to confirm').fill("delete");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(deleteForm.locator(".alert")).toHaveText("Too many wrong passwords. Try again in 60 minutes.");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
});

for (const [name, returnTo] of [
  ["a tab", "/%09/evil.example"],
  ["a newline", "/%0a/evil.example"],
  ["a backslash", "/%5Cevil.example"],
] as const) {
  test(`a return address with ${name} stays on the site (open redirect)`, async ({ page, account }) => {
    const user = await account.signUp("learner");
    // Signed in, the page redirects to the return address at once (a newline was a 500).
    const response = await page.goto(`/sign-in?callbackUrl=${returnTo}`);
    expect(response?.status()).toBeLessThan(500);
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/dashboard$/);
    await account.signOut();
    // Signed out, signing in goes there afterwards.
    await page.goto(`/sign-in?callbackUrl=${returnTo}`);
    await account.signIn(user);
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/dashboard$/);
  });
}

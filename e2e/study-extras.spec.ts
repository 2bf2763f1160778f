import { expect, test } from "./fixtures";

// Issue 20: typed answers, the theme switch and the keyboard shortcuts overlay.

test("typed answers: the learner types, sees the comparison and a suggested grade, and can change it", async ({
  page,
  account,
}) => {
  await account.signUp("learner");
  await page.goto("/study?deck=mk4-vs-mk7&typed=1");
  const box = page.getByRole("textbox", { name: "Your answer" });
  await expect(box).toBeFocused();
  // A wrong answer: Again is suggested and focused.
  await box.fill("something quite wrong");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /suggested grade: Again/ })).toBeVisible();
  const again = page.getByRole("button", { name: /^Again/ });
  await expect(again).toBeFocused();
  await expect(again).toContainText("Suggested");
  // The learner overrides it with Good (key 3); the next card asks for a typed answer again.
  await page.keyboard.press("3");
  await expect(box).toBeFocused();
  await expect(box).toHaveValue("");
});

test("a typed quiz asks for typed answers on ten of the deck's cards", async ({ page, account }) => {
  await account.signUp("learner");
  await page.goto("/decks/mk4-vs-mk7");
  await page.getByRole("link", { name: "Typed quiz" }).click();
  await expect(page).toHaveURL(/typed=1/);
  await expect(page).toHaveURL(/cards=/);
  await expect(page.getByRole("textbox", { name: "Your answer" })).toBeVisible();
});

test("the theme switch applies at once and holds across reloads without a flash", async ({
  page,
  account,
}) => {
  await account.signUp("learner");
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/dashboard");
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-theme", "light");
  await page.getByRole("combobox", { name: "Theme" }).selectOption("dark");
  await expect(html).toHaveAttribute("data-theme", "dark");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe("rgb(17, 19, 21)");
  // On reload the head script sets the theme before the first paint: the very first HTML parse has it.
  await page.reload({ waitUntil: "commit" });
  await page.waitForFunction(() => document.body !== null);
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
  await expect(page.getByRole("combobox", { name: "Theme" })).toHaveValue("dark");
  // System follows the system's scheme.
  await page.getByRole("combobox", { name: "Theme" }).selectOption("system");
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(html).toHaveAttribute("data-theme", "dark");
  await page.emulateMedia({ colorScheme: "light" });
  await expect(html).toHaveAttribute("data-theme", "light");
});

test("? opens the keyboard shortcuts as a modal dialog that Escape closes", async ({ page, account }) => {
  await account.signUp("learner");
  await page.goto("/study?deck=mk4-vs-mk7");
  await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("Bury until tomorrow")).toBeVisible();
  // While it is open, study keys do nothing behind it.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Show answer" })).toBeVisible();
});

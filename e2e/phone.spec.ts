import { expect, test } from "./fixtures";

// Issue 16, item 4: a phone (390 px wide) neither scrolls sideways nor hides a section.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const pageWidth = (page: import("@playwright/test").Page) =>
  page.evaluate(() => document.documentElement.scrollWidth);

test("the header's Menu shows every section, and Escape closes it with focus back on the button", async ({
  page,
  account,
}) => {
  await account.signUp("learner");
  const menu = page.getByRole("banner").getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Dashboard", "Decks", "Statistics", "Sources", "Settings", "My trainers"]) {
    await expect(nav.getByRole("link", { name })).toBeInViewport({ ratio: 1 });
  }
  await expect(nav.getByRole("link", { name: "Dashboard" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(nav.getByRole("link", { name: "Settings" })).toBeHidden();

  await menu.click();
  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
});

test("quiz feedback fits the screen", async ({ page, account }) => {
  await account.signUp("learner");
  await page.goto("/decks/animal-only-findings/quiz");
  await page.getByRole("radio", { name: /^10 questions/ }).check();
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page).toHaveURL(/\/quiz\/[^/]+$/);
  for (let n = 1; n <= 10; n++) {
    await expect(page.locator("#quiz-progress-label")).toContainText(`Question ${n} of 10`);
    // The question's lists, not the header's theme switch.
    const lists = page.getByRole("main").getByRole("combobox");
    const count = await lists.count();
    if (count === 0)
      await page
        .getByRole("radio")
        .nth(n % 2)
        .check();
    else for (let i = 0; i < count; i++) await lists.nth(i).selectOption({ index: 1 });
    await page.getByRole("button", { name: "Check answer" }).click();
    await expect(page.getByRole("region", { name: /^(Right|Not right)/ })).toBeVisible();
    expect(await pageWidth(page), `feedback of question ${n}`).toBeLessThanOrEqual(390);
    await page.getByRole("button", { name: /^(Next question|See your result)$/ }).click();
  }
  await expect(page).toHaveURL(/\/result$/);
});

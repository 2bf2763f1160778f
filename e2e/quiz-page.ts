import { expect, type Page } from "@playwright/test";

export const DECK_QUIZ = "/decks/mk4-vs-mk7/quiz";

export async function startQuiz(page: Page, length: 5 | 10 | 20) {
  await page.goto(DECK_QUIZ);
  await expect(page.getByRole("heading", { name: "Take a quiz" })).toBeVisible();
  await page.getByRole("radio", { name: new RegExp(`^${length} questions`) }).check();
  await page.getByRole("radio", { name: /^Mixed/ }).check();
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page).toHaveURL(/\/quiz\/[^/]+$/);
}

/** Answers the question on screen with the keyboard only: the first choice, or letters in each list. */
export async function answerByKeyboard(page: Page) {
  // The question's lists, not the header's theme switch.
  const lists = page.getByRole("main").getByRole("combobox");
  const count = await lists.count();
  if (count === 0) {
    await page.keyboard.press("1");
    await expect(page.getByRole("radio").first()).toBeChecked();
  } else {
    // Focus the first list the way a keyboard user arrives there, then Tab between them.
    await page.locator("#question-prompt").focus();
    for (let i = 0; i < count; i++) {
      await page.keyboard.press("Tab");
      await expect(lists.nth(i)).toBeFocused();
      // Options start with their letter, so typing it picks one (type-ahead).
      await page.keyboard.press("a");
      await expect(lists.nth(i)).not.toHaveValue("");
    }
  }
  await page.keyboard.press("Enter");
  const feedback = page.getByRole("region", { name: /^(Right|Not right)/ });
  await expect(feedback).toBeVisible();
  await expect(feedback).toBeFocused();
  await expect(feedback.getByRole("link", { name: /^See the passage in/ }).first()).toBeVisible();
  return feedback;
}

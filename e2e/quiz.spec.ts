import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const DECK_QUIZ = "/decks/mk4-vs-mk7/quiz";

async function startQuiz(page: Page, length: 5 | 10 | 20) {
  await page.goto(DECK_QUIZ);
  await expect(page.getByRole("heading", { name: "Take a quiz" })).toBeVisible();
  await page.getByRole("radio", { name: new RegExp(`^${length} questions`) }).check();
  await page.getByRole("radio", { name: /^Mixed/ }).check();
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page).toHaveURL(/\/quiz\/[^/]+$/);
}

/** Answers the question on screen with the keyboard only: the first choice, or letters in each list. */
async function answerByKeyboard(page: Page) {
  const lists = page.getByRole("combobox");
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

test("a learner takes a quiz by keyboard, sees each answer's evidence and studies what was missed", async ({
  page,
  account,
}) => {
  await account.signUp("learner");
  await startQuiz(page, 5);

  for (let n = 1; n <= 5; n++) {
    await expect(page.locator("#quiz-progress-label")).toContainText(`Question ${n} of 5`);
    const feedback = await answerByKeyboard(page);
    await expect(page.locator("#quiz-progress-label")).toContainText(`${n} answered`);
    await expect(feedback.getByText("How sure are we, and in whom?")).toBeVisible();
    await page.keyboard.press("Enter");
  }

  await expect(page).toHaveURL(/\/quiz\/[^/]+\/result$/);
  await expect(page.getByRole("heading", { name: "Your result" })).toBeVisible();
  await expect(page.getByText(/^\d of 5 right$/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "By topic" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "By evidence level" })).toBeVisible();

  const study = page.getByRole("link", { name: /^Study these cards/ });
  if ((await study.count()) > 0) {
    await expect(page.getByRole("heading", { name: /^Questions you missed/ })).toBeVisible();
    await study.click();
    await expect(page).toHaveURL(/\/study\?cards=[^&]+/);
  } else {
    await expect(page.getByText("Every answer was right.")).toBeVisible();
  }

  await page.goto(DECK_QUIZ);
  await expect(page.getByRole("link", { name: /^Result/ })).toHaveCount(1);
});

test("an unfinished quiz resumes where it stopped and can be discarded", async ({ page, account }) => {
  await account.signUp("learner");
  await startQuiz(page, 5);
  await answerByKeyboard(page);

  await page.reload();
  await expect(page.getByText("Resumed where you left off.")).toBeVisible();
  await expect(page.locator("#quiz-progress-label")).toContainText("Question 2 of 5");

  await page.goto(DECK_QUIZ);
  const resume = page.getByRole("link", { name: "Resume (1 of 5 answered)" });
  await expect(resume).toBeVisible();
  const attemptUrl = await resume.getAttribute("href");
  await page.getByRole("button", { name: "Discard" }).click();
  await expect(resume).toHaveCount(0);

  await page.goto(attemptUrl!);
  await expect(page.getByRole("heading", { name: "This quiz was discarded" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Start another quiz" })).toHaveAttribute("href", DECK_QUIZ);
});

import { expect, test } from "./fixtures";
import { answerByKeyboard, DECK_QUIZ, startQuiz } from "./quiz-page";

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
    // The quiz has just rated the missed cards Again: they are shown at once, studied ahead of
    // their step, not behind a countdown (issue 16, item 1).
    await expect(page.getByRole("button", { name: "Show answer" })).toBeFocused();
    await expect(page.getByText(/Next card in/)).toHaveCount(0);
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

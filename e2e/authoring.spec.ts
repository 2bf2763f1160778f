import type { Page } from "@playwright/test";
import { K2_PARAGRAPHS, longReviewDocument, textDocx, textPdf } from "./authoring-documents";
import { AccountPages, expect, test } from "./fixtures";

const rows = (page: Page) => page.getByRole("region", { name: "Proposals" }).getByRole("listitem");
const currentRow = (page: Page) => page.locator('li[aria-current="true"]');

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto("/author/new");
  await page.getByLabel(/^File/).setInputFiles(file);
  await page.getByRole("button", { name: "Bring it in" }).click();
  await expect(page).toHaveURL(/\/author\/u-[0-9a-f]{16}$/, { timeout: 30_000 });
  await expect(rows(page).first()).toBeVisible();
}

/** Selects `text` inside the document pane, as a mouse drag would, and lets the page see it. */
async function selectInDocument(page: Page, text: string) {
  await page.getByRole("region", { name: "Document" }).evaluate((pane, wanted) => {
    const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      pane.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
      return;
    }
    throw new Error(`"${wanted}" is not in one text node of the document`);
  }, text);
}

test("a trainer turns a PDF and a DOCX into a deck, assigns it, and the client follows a card to its quote", async ({
  page,
  account,
  browser,
}) => {
  test.setTimeout(180_000);
  await account.signUp("trainer");

  // A client joins through an invitation link, in a browser of their own.
  await page.goto("/trainer/invitations");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel("Your new invitation link").inputValue();
  const clientContext = await browser.newContext();
  const clientPage = await clientContext.newPage();
  const clientAccount = new AccountPages(clientPage);
  const client = await clientAccount.signUp("learner");
  await clientPage.goto(link);
  await clientPage.getByRole("button", { name: "Accept" }).click();
  await expect(clientPage).toHaveURL(/\/dashboard\?joined=/);

  // The DOCX comes in with proposals to review.
  await upload(page, {
    name: "k2-notes.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: await textDocx("Vitamin K2 notes", [...K2_PARAGRAPHS]),
  });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // The PDF is the one reviewed and published.
  await upload(page, {
    name: "k2-trials.pdf",
    mimeType: "application/pdf",
    buffer: await textPdf("K2 trials", [...K2_PARAGRAPHS]),
  });
  const reviewUrl = page.url();

  // Keyboard review: accept the first proposal, reject the second, come back with k.
  await expect(currentRow(page)).toHaveCount(1);
  const first = await currentRow(page).getAttribute("data-item");
  await page.keyboard.press("a");
  await expect(page.locator(`li[data-item="${first}"]`)).toHaveAttribute("data-status", "accepted");
  const second = await currentRow(page).getAttribute("data-item");
  expect(second).not.toBe(first);
  await page.keyboard.press("r");
  await expect(page.locator(`li[data-item="${second}"]`)).toHaveAttribute("data-status", "rejected");
  await page.keyboard.press("k");
  await page.keyboard.press("k");
  await expect(currentRow(page)).toHaveAttribute("data-item", first ?? "");

  // Edit the accepted card by keyboard.
  await page.keyboard.press("e");
  const editor = page.getByRole("form", { name: "Edit card" });
  await editor.getByRole("combobox", { name: "Kind" }).selectOption("basic");
  await editor
    .getByRole("textbox", { name: "Front", exact: true })
    .fill("What did 180 µg of MK-7 a day do to bone loss in the trial?");
  await editor
    .getByRole("textbox", { name: "Back", exact: true })
    .fill("It reduced the loss of bone mineral density over three years.");
  await editor.getByRole("button", { name: "Save card" }).click();
  await expect(editor).toHaveCount(0);
  await expect(page.locator(`li[data-item="${first}"]`)).toContainText("What did 180 µg of MK-7 a day do");

  // A wrong quote is refused.
  await selectInDocument(page, "Natto contains about 1,000");
  await page.getByRole("button", { name: "Make a card from the selection" }).click();
  const fresh = page.getByRole("form", { name: "New card" });
  await expect(fresh.getByRole("textbox", { name: /^Quote/ })).toHaveValue("Natto contains about 1,000");
  // The card comes drafted from the selection: a front and back to edit, and the suggested level.
  await expect(fresh.getByRole("textbox", { name: "Front", exact: true })).toHaveValue(/\S{3}/);
  await expect(fresh.getByTestId("selection-suggestion")).toBeVisible();
  await fresh.getByRole("textbox", { name: /^Quote/ }).fill("Natto contains about 1,000 mg of MK-7");
  await fresh.getByRole("textbox", { name: "Front", exact: true }).fill("Which food is richest in MK-7?");
  await fresh.getByRole("textbox", { name: "Back", exact: true }).fill("Natto");
  await fresh.getByRole("button", { name: "Save card" }).click();
  await expect(fresh.getByText(/not in the document word for word/)).toBeVisible();
  await fresh.getByRole("textbox", { name: /^Quote/ }).fill("Natto contains about 1,000");
  // A label stronger than the quote's cue words asks for a reason, which is then shown.
  await fresh.getByRole("combobox", { name: "Evidence level" }).selectOption("human-rct");
  await fresh.getByRole("button", { name: "Save card" }).click();
  await expect(fresh.getByText(/Give a reason/)).toBeVisible();
  await fresh.getByRole("textbox", { name: /^Reason/ }).fill("Food tables measured it in human foods.");
  await fresh.getByRole("button", { name: "Save card" }).click();
  await expect(fresh).toHaveCount(0);
  await expect(rows(page).filter({ hasText: "Which food is richest in MK-7?" })).toContainText(
    "Your reason for this level: Food tables measured it in human foods.",
  );

  // A proposed question is edited too: its prompt, options and right answer.
  const question = rows(page)
    .filter({ hasText: /^Multiple choice/ })
    .first();
  await question.click();
  await page.keyboard.press("e");
  const quizForm = page.getByRole("form", { name: "Edit question" });
  await quizForm.getByRole("textbox", { name: "Question" }).fill("How much MK-7 a day did the trial give?");
  await quizForm.getByRole("button", { name: "Add an option" }).click();
  const options = quizForm.getByRole("textbox", { name: /^Option \d+$/ });
  const added = await options.count();
  await options.nth(added - 1).fill(await options.nth(0).inputValue());
  await quizForm.getByRole("button", { name: "Save question" }).click();
  await expect(quizForm.getByText("Each option must differ from the others.")).toBeVisible();
  await options.nth(added - 1).fill("45 µg");
  await quizForm.getByRole("radio", { name: `Option ${added} is right` }).check();
  await quizForm.getByRole("button", { name: "Save question" }).click();
  await expect(quizForm).toHaveCount(0);
  await expect(rows(page).filter({ hasText: "How much MK-7 a day did the trial give?" })).toHaveAttribute(
    "data-status",
    "accepted",
  );
  await expect(rows(page).filter({ hasText: "Which food is richest in MK-7?" })).toHaveAttribute(
    "data-status",
    "accepted",
  );

  // Decisions were saved: they survive a reload.
  await page.reload();
  await expect(page.locator(`li[data-item="${first}"]`)).toHaveAttribute("data-status", "accepted");
  await expect(page.locator(`li[data-item="${second}"]`)).toHaveAttribute("data-status", "rejected");

  await page.getByLabel("Deck name").fill("K2 trials from a PDF");
  await page.getByRole("button", { name: /^Publish/ }).click();
  await expect(page).toHaveURL(/\/decks\/a-[0-9a-f]{12}$/);
  await expect(page.getByRole("heading", { name: "K2 trials from a PDF" })).toBeVisible();
  await expect(page.getByText("What did 180 µg of MK-7 a day do")).toBeVisible();

  // The client sees nothing of it before it is assigned.
  const deckUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("deck-audience")).toHaveText(
    "Your deck: visible only to you until you assign it to a client.",
  );
  const response = await clientPage.goto(deckUrl);
  expect(response?.status()).toBe(404);

  await page.goto("/trainer/clients/assign");
  await page.getByRole("checkbox", { name: new RegExp(client.name) }).check();
  await page.getByLabel("Deck", { exact: true }).selectOption({ label: "K2 trials from a PDF" });
  await page.getByRole("button", { name: "Assign deck" }).click();
  await expect(page.getByText("Deck assigned to 1 client.")).toBeVisible();

  // The trainer's deck page says who sees it, filters by evidence and shows the author's reason.
  await page.goto(deckUrl);
  await expect(page.getByTestId("deck-audience")).toHaveText(
    "Your deck: you and the client you assigned it to can see it.",
  );
  await expect(page.getByText("visible only to you")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Filter by evidence" })).toBeVisible();
  await expect(page.getByText("Author’s reason for this level: Food tables measured it")).toBeVisible();

  // The client studies the edited card and follows its source to the highlighted quote.
  await clientPage.goto(`/study?deck=${deckUrl.split("/").pop()}`);
  await expect(clientPage.getByRole("article", { name: "Question" }).locator("#study-front")).toHaveText(
    "What did 180 µg of MK-7 a day do to bone loss in the trial?",
  );
  await clientPage.keyboard.press("Space");
  const answer = clientPage.getByRole("region", { name: "Answer" });
  await expect(answer).toContainText("It reduced the loss of bone mineral density");
  const source = answer.getByRole("link", { name: /Read it in “K2 trials”/ });
  const href = await source.getAttribute("href");
  expect(href).toMatch(/^\/documents\/u-[0-9a-f]{16}\?q=/);
  await clientPage.keyboard.press("3");
  await clientPage.goto(href ?? "");
  await expect(clientPage.getByRole("heading", { name: "K2 trials", level: 1 })).toBeVisible();
  await expect(clientPage.getByRole("complementary", { name: "Quoted passage" })).toContainText(
    "reduced the loss of bone mineral density",
  );
  await expect(clientPage.locator("mark.is-current").first()).toBeVisible();

  // The review page and the DOCX stay the trainer's.
  expect((await clientPage.goto(reviewUrl))?.status()).toBe(404);
  await clientContext.close();
});

test("the review view acts on every key with 300 proposals", async ({ page, account }) => {
  test.setTimeout(180_000);
  await account.signUp("learner");
  await page.goto("/author/new");
  await page.getByLabel(/paste text/).fill(longReviewDocument());
  await page.getByRole("button", { name: "Bring it in" }).click();
  await expect(page).toHaveURL(/\/author\/u-[0-9a-f]{16}$/, { timeout: 60_000 });
  const count = await rows(page).count();
  expect(count).toBeGreaterThanOrEqual(300);

  // Behaviour only: each key moves or decides on a list of this size. Its speed (input to paint)
  // is `npm run bench -- author-paint`.
  const start = await currentRow(page).getAttribute("data-item");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  const third = await currentRow(page).getAttribute("data-item");
  expect(third).not.toBe(start);
  await page.keyboard.press("a");
  await expect(page.locator(`li[data-item="${third}"]`)).toHaveAttribute("data-status", "accepted");
  const fourth = await currentRow(page).getAttribute("data-item");
  await page.keyboard.press("r");
  await expect(page.locator(`li[data-item="${fourth}"]`)).toHaveAttribute("data-status", "rejected");
  await page.keyboard.press("k");
  await page.keyboard.press("k");
  await expect(currentRow(page)).toHaveAttribute("data-item", third ?? "");
});

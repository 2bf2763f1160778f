import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { AccountPages, expect, test } from "./fixtures";

const csv = (text: string, name: string) => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from(text, "utf-8"),
});

const BROKEN =
  'front,back,tags\nWhat does MK-7 stand for?,Menaquinone-7,k2\n"Which vitamin, K1 or K2, is in natto?",\nBest source of MK-4?,Animal foods,\n';
const FIXED = BROKEN.replace('in natto?",\n', 'in natto?",K2 (MK-7)\n');

/** The import page, read the way a learner sees it. */
function importPage(page: Page) {
  return {
    file: page.getByLabel("CSV or TSV file"),
    name: page.getByLabel("Deck name"),
    problems: page.getByRole("list", { name: "Problems in the file" }),
    confirm: page.getByRole("button", { name: /^Import \d+ cards?$/ }),
    cancel: page.getByRole("button", { name: "Cancel" }),
  };
}

async function downloaded(download: Download): Promise<string> {
  return readFile(await download.path(), "utf-8");
}

test("a learner imports a CSV after fixing a bad line, studies it, and downloads it for Anki and the review log", async ({
  page,
  account,
}) => {
  await account.signUp("learner");
  await page.goto("/decks");
  await page.getByRole("link", { name: "Import cards" }).click();
  await expect(page).toHaveURL(/\/decks\/import$/);
  const form = importPage(page);

  // A file with a bad line: the preview names the line, offers no import, and nothing is written.
  await form.file.setInputFiles(csv(BROKEN, "vitamin-k.csv"));
  await expect(form.problems.getByRole("listitem")).toHaveText(["Line 3: The back is empty."]);
  await expect(page.getByText(/2 cards ready and 1 problem/)).toBeVisible();
  await expect(form.confirm).toHaveCount(0);
  await expect(form.name).toHaveValue("vitamin-k");

  // Cancelling forgets the file; the decks page has no personal deck.
  await form.cancel.click();
  await expect(page.getByText("Import cancelled. Nothing was saved.")).toBeVisible();
  await page.goto("/decks");
  await expect(page.getByText(/Import a CSV or TSV file of your own cards/)).toBeVisible();

  // The fixed file previews cleanly and imports into a deck of its own.
  await page.goto("/decks/import");
  await form.file.setInputFiles(csv(FIXED, "vitamin-k.csv"));
  await expect(page.getByText(/3 cards ready \(comma-separated, with a header row\)/)).toBeVisible();
  const preview = page.getByRole("table");
  await expect(preview.getByRole("row")).toHaveCount(4);
  await expect(preview.getByRole("cell", { name: "K2 (MK-7)" })).toBeVisible();
  await form.name.fill("My K2 cards");
  await form.confirm.click();

  await expect(page).toHaveURL(/\/decks\/p-[0-9a-f]{12}$/);
  const slug = new URL(page.url()).pathname.split("/").pop() ?? "";
  await expect(page.getByRole("heading", { name: "My K2 cards", level: 1 })).toBeVisible();
  await expect(page.getByText("Your own card").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Take a quiz" })).toHaveCount(0);

  // Download for Anki: header lines, then one note per card with evidence tags.
  const anki = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download for Anki" }).click();
  const ankiText = await downloaded(await anki);
  expect(ankiText.split("\n").slice(0, 4)).toEqual([
    "#separator:tab",
    "#html:false",
    "#columns:Front\tBack\tEvidence\tSource\tTags",
    "#tags column:5",
  ]);
  expect(ankiText).toContain("What does MK-7 stand for?\tMenaquinone-7\t");
  expect(ankiText).toContain("evidence::personal k2");

  // Study the imported deck: its three cards are new, and the first is on show.
  await page.getByRole("link", { name: "Study this deck" }).click();
  await expect(page).toHaveURL(new RegExp(`/study\\?deck=${slug}$`));
  const front = page.getByRole("article", { name: "Question" }).locator("#study-front");
  await expect(front).toHaveText("What does MK-7 stand for?");
  await page.getByRole("button", { name: "Show answer" }).click();
  await expect(page.getByRole("region", { name: "Answer" })).toContainText("Menaquinone-7");
  await page.getByRole("button", { name: /^Good.*next in/ }).click();
  await expect(front).toHaveText("Which vitamin, K1 or K2, is in natto?");
  await expect(page.getByRole("status").filter({ hasText: "All answers saved" })).toBeVisible();

  // The review log holds that answer in the FSRS columns.
  await page.goto("/account");
  const log = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my review log (CSV)" }).click();
  const rows = (await downloaded(await log)).trim().split("\r\n");
  expect(rows[0]).toBe("card_id,review_time,review_rating,review_state,review_duration");
  expect(rows).toHaveLength(2);
  expect(rows[1]).toMatch(new RegExp(`^${slug}-1,\\d{13},3,0,\\d+$`));
});

test("the import suggests the separator, flags repeated rows, imports the good lines on request, reads cloze and line breaks, and pages the deck", async ({
  page,
  account,
}) => {
  await account.signUp("learner");
  await page.goto("/decks/import");
  const form = importPage(page);

  // A semicolon file read with tabs: every line has one column; the preview says which separator fits.
  await page.getByLabel("Separator").selectOption("tab");
  await form.file.setInputFiles(csv("Q1;A1\nQ2;A2\nQ3;A3\n", "semi.csv"));
  await expect(page.getByText(/This file looks semicolon-separated/)).toBeVisible();
  await page.getByRole("button", { name: "Read it as semicolon-separated" }).click();
  await expect(page.getByLabel("Separator")).toHaveValue("semicolon");
  await expect(page.getByText(/3 cards ready \(semicolon-separated, no header row\)/)).toBeVisible();

  // One bad line, one repeated row, a cloze card and a field on two lines (lines 3-4); 118 cards to import.
  const extra = Array.from({ length: 116 }, (_, i) => `Card ${i + 1},Answer ${i + 1}`);
  const text = [
    "front,back",
    "K2 is {{c1::menaquinone}}.,",
    '"Two\nlines",Back',
    "No back,",
    "Card 1,Answer 1",
    ...extra,
  ].join("\n");
  await page.getByLabel("Separator").selectOption("auto");
  await form.file.setInputFiles(csv(text, "mixed.csv"));
  await expect(form.problems.getByRole("listitem")).toHaveText(["Line 5: The back is empty."]);
  await expect(page.getByRole("list", { name: "Repeated rows" }).getByRole("listitem")).toHaveText([
    "Line 7 repeats line 6.",
  ]);
  await expect(page.getByRole("cell", { name: "Cloze K2 is {{c1::menaquinone}}." })).toBeVisible();
  await page.getByRole("button", { name: "Import 118 cards, leave out 1 line" }).click();

  await expect(page).toHaveURL(/\/decks\/p-[0-9a-f]{12}$/);
  const cards = page.getByRole("list", { name: "Cards", exact: true }).locator(":scope > li");
  await expect(cards).toHaveCount(50);
  await expect(cards.first().getByRole("paragraph").first()).toHaveText("K2 is […].");
  // The line break inside the quoted field is kept, and shown.
  expect(
    await cards
      .nth(1)
      .getByRole("paragraph")
      .first()
      .evaluate((el) => el.textContent),
  ).toBe("Two\nlines");
  const pages = page.getByRole("navigation", { name: "Pages of cards" });
  await expect(pages.getByText("Page 1 of 3")).toBeVisible();
  await pages.getByRole("link", { name: "Next →" }).click();
  await expect(pages.getByText("Page 2 of 3")).toBeVisible();
  await expect(cards).toHaveCount(50);
  await expect(cards.first().getByRole("paragraph").first()).toHaveText("Card 49");
});

test("another learner cannot open, study or download someone's personal deck", async ({
  page,
  account,
  browser,
}) => {
  await account.signUp("learner");
  await page.goto("/decks/import");
  await importPage(page).file.setInputFiles(csv("Private front,Private back\n", "private.csv"));
  await importPage(page).confirm.click();
  await expect(page).toHaveURL(/\/decks\/p-[0-9a-f]{12}$/);
  const path = new URL(page.url()).pathname;

  const context = await browser.newContext();
  const other = await context.newPage();
  await new AccountPages(other).signUp("learner");
  expect((await other.goto(path))?.status()).toBe(404);
  expect((await other.request.get(`${path}/anki`)).status()).toBe(404);
  expect((await other.goto(`/study?deck=${path.split("/").pop()}`))?.status()).toBe(404);
  await expect(other.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await other.goto("/decks");
  await expect(other.getByText("Private front")).toHaveCount(0);
  await context.close();
});

test("the settings page shows the workload at the chosen retention against 85% and 95%", async ({
  page,
  account,
}) => {
  await account.signUp("learner");
  await page.goto("/settings");
  const workload = page.getByRole("region", { name: "Your workload" });
  await expect(
    workload.getByText(
      /At your 90%: about \d+ reviews a day over the next 30 days\. At 85%: \d+\. At 95%: \d+\./,
    ),
  ).toBeVisible();
  await workload.getByRole("button", { name: "365 days" }).click();
  await expect(workload.getByRole("button", { name: "365 days" })).toHaveAttribute("aria-pressed", "true");
  await expect(workload.getByText(/over the next year/)).toBeVisible();
  // The slider moves in steps of 1%: five steps up from the default 90%.
  const slider = page.getByLabel(/Desired retention/);
  await slider.focus();
  for (let step = 0; step < 5; step += 1) await slider.press("ArrowRight");
  await expect(
    workload.getByText(/At your 95%: about \d+ reviews a day over the next year\. At 85%: \d+\./),
  ).toBeVisible();
  await workload.getByText("Show as a table").click();
  await expect(workload.getByRole("columnheader", { name: "95% (yours)" })).toBeVisible();
});

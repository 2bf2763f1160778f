import { readFile } from "node:fs/promises";
import { ankiPackage } from "../test/integration/anki-package-fixture";
import { expect, test } from "./fixtures";

const CARDS = "front,back\nWhat does MK-7 stand for?,Menaquinone-7\nWhich food is richest in MK-7?,Natto\n";

test("a learner exports a deck with its history as .apkg; another imports it and studies a card with that history", async ({
  page,
  account,
}) => {
  // Alex: a deck of two cards, the first answered "Again" (a learning card due in a minute).
  await account.signUp("learner");
  await page.goto("/decks/import");
  await page
    .getByLabel("CSV or TSV file")
    .setInputFiles({ name: "k2.csv", mimeType: "text/csv", buffer: Buffer.from(CARDS) });
  await page.getByLabel("Deck name").fill("K2 basics");
  await page.getByRole("button", { name: /^Import 2 cards$/ }).click();
  await expect(page).toHaveURL(/\/decks\/p-[0-9a-f]{12}$/);
  await page.getByRole("link", { name: "Study this deck" }).click();
  const front = page.getByRole("article", { name: "Question" }).locator("#study-front");
  await expect(front).toHaveText("What does MK-7 stand for?");
  await page.getByRole("button", { name: "Show answer" }).click();
  await page.getByRole("button", { name: /^Again/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "All answers saved" })).toBeVisible();

  // The deck as an Anki package: a zip holding the legacy collection.
  await page.goBack();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Anki package (.apkg)" }).click();
  const file = await (await download).path();
  const bytes = await readFile(file);
  expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  expect(bytes.includes(Buffer.from("collection.anki2"))).toBe(true);
  await account.signOut();

  // Sam imports the package: two cards, Alex's one review.
  await page.clock.install();
  await account.signUp("learner");
  await page.goto("/decks/import");
  await page
    .getByLabel("Anki package (.apkg)")
    .setInputFiles({ name: "k2.apkg", mimeType: "application/octet-stream", buffer: bytes });
  await page.getByRole("button", { name: "Import package" }).click();
  await expect(page.getByText("Imported 2 cards with 1 reviews.")).toBeVisible();
  await page.getByRole("link", { name: "Open the deck" }).click();
  await expect(page.getByRole("heading", { name: "K2 basics", level: 1 })).toBeVisible();

  // The new card first; the card with history comes back when its learning step is over.
  await page.getByRole("link", { name: "Study this deck" }).click();
  await expect(front).toHaveText("Which food is richest in MK-7?");
  await page.getByRole("button", { name: "Show answer" }).click();
  await page.getByRole("button", { name: /^Good/ }).click();
  await page.clock.fastForward("02:00");
  await expect(front).toHaveText("What does MK-7 stand for?");
  await page.getByRole("button", { name: "Show answer" }).click();
  await page.getByRole("button", { name: /^Good/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "All answers saved" })).toBeVisible();

  // Sam's review log: the imported answer (Again) and Sam's own two.
  await page.goto("/account");
  const log = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my review log (CSV)" }).click();
  const rows = (await readFile(await (await log).path(), "utf-8")).trim().split("\r\n").slice(1);
  expect(rows).toHaveLength(3);
  expect(rows.filter((row) => /-1,\d{13},1,0,/.test(row))).toHaveLength(1);
  expect(rows.filter((row) => /-1,\d{13},3,1,/.test(row))).toHaveLength(1);
});

test("a file that is not an Anki package is refused with a clear message", async ({ page, account }) => {
  await account.signUp("learner");
  await page.goto("/decks/import");
  await page.getByLabel("Anki package (.apkg)").setInputFiles({
    name: "notes.apkg",
    mimeType: "application/octet-stream",
    buffer: Buffer.from("front,back\n"),
  });
  await page.getByRole("button", { name: "Import package" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /This is not an Anki package/ })).toBeVisible();
});

test("a package's pictures come in with their cards and show in study; sounds are left out with a message", async ({
  page,
  account,
}) => {
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  );
  const bytes = ankiPackage(
    [
      {
        model: "Basic",
        fields: ['<img src="heart.png">Which organ is this?[sound:heart.mp3]', "The heart"],
        cards: [{ type: 0, queue: 0, due: 1, ivl: 0, reps: 0, lapses: 0 }],
      },
    ],
    { crt: 0, media: { "heart.png": new Uint8Array(png) } },
  );
  await account.signUp("learner");
  await page.goto("/decks/import");
  await page
    .getByLabel("Anki package (.apkg)")
    .setInputFiles({ name: "organs.apkg", mimeType: "application/octet-stream", buffer: Buffer.from(bytes) });
  await page.getByRole("button", { name: "Import package" }).click();
  await expect(page.getByText("Imported 1 cards with 0 reviews and 1 pictures.")).toBeVisible();
  await expect(page.getByText("1 sounds were left out: Retain cards have no audio.")).toBeVisible();
  await page.getByRole("link", { name: "Open the deck" }).click();
  await page.getByRole("link", { name: "Study this deck" }).click();
  const question = page.getByRole("article", { name: "Question" });
  await expect(question.locator("#study-front")).toHaveText("Which organ is this?");
  const picture = question.getByRole("img", { name: "Illustration of the card" });
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1);
});

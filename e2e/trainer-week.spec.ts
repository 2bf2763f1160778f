import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { promisify } from "node:util";
import { type Browser, test as base, expect, type Page } from "@playwright/test";
import type { ParsedMail } from "mailparser";
import { startSmtpSink } from "../test/integration/smtp-sink";
import { AccountPages } from "./fixtures";
import { type FuzzServer, startFuzzServer } from "./fuzz/server";
import { hourIn } from "./notifications-seed";
import { answerByKeyboard, startQuiz } from "./quiz-page";
import { timeZoneOf } from "./server-database";

/**
 * Issue 19, end to end: a trainer's week. On a production server of its own whose mail goes to a
 * real SMTP server on loopback (and whose scheduler is off, so the jobs run once each, at a chosen
 * moment, with `npm run notifications:run`): a group link, two clients join, the trainer assigns by
 * group, one client studies; the digests, the at-risk alerts and the weekly summary arrive with the
 * numbers the clients' week gives; the one-click unsubscribe link of the email works once; the
 * printable report shows the client's history.
 *
 * Consent: the other client turns quiz-answer sharing off and finishes a quiz; nothing of
 * it reaches the trainer's emails (test/integration/notifications.test.ts checks every notice
 * against sharing and non-sharing clients in detail).
 */
const DECK = "MK-4 vs MK-7 (and K1 vs K2)";
/** Cards in the deck (its quiz questions are not cards). */
const DECK_CARDS = 29;
const GROUP = "Monday runners";
const STUDIED = 3;
const DAY = 86_400_000;
const AUTH_SECRET = "fuzz-secret-that-is-long-enough-for-jwt-signing";

type Sink = Awaited<ReturnType<typeof startSmtpSink>>;
const test = base.extend<object, { sink: Sink; server: FuzzServer }>({
  sink: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
    async ({}, use) => {
      const sink = await startSmtpSink();
      try {
        await use(sink);
      } finally {
        await sink.close();
      }
    },
    { scope: "worker" },
  ],
  server: [
    async ({ sink }, use) => {
      const server = await startFuzzServer({ SMTP_URL: sink.url, MAIL_FROM: "Retain <retain@example.com>" });
      try {
        await use(server);
      } finally {
        await server.stop();
        for (const suffix of ["", "-wal", "-shm"]) rmSync(`${server.databasePath}${suffix}`, { force: true });
      }
    },
    { scope: "worker", timeout: 300_000 },
  ],
});

/**
 * One run of a scheduled job at `at`, against the server's database, mailing through the sink.
 * Asynchronous: the sink answers SMTP in this process, so its event loop must keep running.
 */
async function runJob(server: FuzzServer, sink: Sink, job: "digest" | "trainers", at: Date) {
  const { stdout } = await promisify(execFile)(
    "npm",
    ["run", "-s", "notifications:run", "--", job, "--at", at.toISOString()],
    {
      encoding: "utf8",
      env: {
        ...process.env,
        DATABASE_URL: server.databaseUrl,
        AUTH_SECRET,
        NEXTAUTH_URL: server.baseURL,
        SMTP_URL: sink.url,
        JOBS_DISABLED: "1",
      },
    },
  );
  return JSON.parse(stdout) as { recipients: number; outcomes: Record<string, number> };
}

/** The next Monday, noon and five minutes in `timeZone`: when the weekly summary goes out. */
function nextMondayNoon(timeZone: string, now = new Date()): Date {
  const start = new Date(now.getTime() + 3_600_000);
  start.setUTCMinutes(5, 0, 0);
  for (let ahead = 0; ahead < 8 * 24; ahead++) {
    const candidate = new Date(start.getTime() + ahead * 3_600_000);
    const weekday = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short" }).format(candidate);
    if (weekday === "Mon" && hourIn(timeZone, candidate) === 12) return candidate;
  }
  throw new Error(`No Monday noon in ${timeZone} within 8 days`);
}

const dateIn = (timeZone: string, date: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    date,
  );

/** A learner joins from the group link in a browser of their own. */
async function joinFromLink(browser: Browser, server: FuzzServer, link: string) {
  const context = await browser.newContext({ baseURL: server.baseURL });
  const page = await context.newPage();
  const client = new AccountPages(page).newCredentials("learner");
  await page.goto(link);
  await expect(page.getByText(`You join the group ${GROUP}.`)).toBeVisible();
  await page.getByRole("link", { name: "Create an account to accept" }).click();
  await page.getByLabel("Name").fill(client.name);
  await page.getByLabel("Email").fill(client.email);
  await page.getByLabel("Password").fill(client.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page).toHaveURL(/\/dashboard\?joined=/);
  return { context, page, client };
}

/** Chooses the hour of the daily digest in the settings form. */
async function chooseDigestHour(page: Page, hour: number) {
  await page.goto("/settings#notifications");
  const form = page.getByRole("form", { name: "Reminders and notifications" });
  await form.getByLabel("Send at").selectOption(String(hour));
  await form.getByRole("button", { name: "Save notifications" }).click();
  await expect(form.getByText("Saved.")).toBeVisible();
}

/** A raw header line (mailparser folds the List-* headers into one parsed `list` header). */
const headerLine = (mail: ParsedMail | undefined, key: string) =>
  mail?.headerLines.find((h) => h.key === key)?.line ?? "";

test("a trainer's week: group link, assignment, study, digest, alerts, weekly summary, unsubscribe, report", async ({
  browser,
  server,
  sink,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ baseURL: server.baseURL });
  const page = await context.newPage();
  const trainer = await new AccountPages(page).signUp("trainer");
  const trainerZone = await timeZoneOf(server.databaseUrl, trainer.email);
  const at = nextMondayNoon(trainerZone);

  // A group link; two clients join from it.
  await page.goto("/trainer/invitations");
  await page.getByLabel("Clients who can join with it").fill("5");
  await page.getByLabel("Group (optional)").fill(GROUP);
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel(`Your new invitation link for ${GROUP}`).inputValue();
  const studier = await joinFromLink(browser, server, link);
  const idler = await joinFromLink(browser, server, link);

  // Assigned by group, due the day after the summary's Monday: within the digest's three days, and
  // too soon for a whole deck at 10 new cards a day.
  const due = dateIn(trainerZone, new Date(at.getTime() + DAY));
  await page.goto("/trainer/clients/assign");
  await page.getByLabel("Select a group").selectOption({ label: `Everyone in ${GROUP} (2)` });
  await expect(page.getByText("2 of 2 selected")).toBeVisible();
  await page.getByLabel("Deck", { exact: true }).selectOption({ label: DECK });
  await page.getByLabel("Due date (optional)").fill(due);
  await page.getByRole("button", { name: "Assign deck" }).click();
  await expect(page.getByText("Deck assigned to 2 clients.")).toBeVisible();

  // One client studies three new cards of the deck, forgetting each ("Again": due again in minutes).
  const study = studier.page;
  await study.goto("/study?deck=mk4-vs-mk7");
  for (let i = 0; i < STUDIED; i++) {
    await study.getByRole("button", { name: "Show answer" }).click();
    await study.getByRole("button", { name: /^Again.*next in/ }).click();
    await expect(study.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();
  }
  await expect(study.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();

  // Both clients choose the hour of the Monday run for their digest.
  for (const { page: clientPage, client } of [studier, idler])
    await chooseDigestHour(clientPage, hourIn(await timeZoneOf(server.databaseUrl, client.email), at));

  // The digest job at that moment: one email each, with their own numbers.
  expect(await runJob(server, sink, "digest", at)).toMatchObject({ recipients: 2, outcomes: { sent: 2 } });
  const [studierDigest] = sink.to(studier.client.email);
  const [idlerDigest] = sink.to(idler.client.email);
  expect(studierDigest?.subject).toBe(`Retain: ${STUDIED} cards due, 1 deadline within 3 days`);
  expect(studierDigest?.text).toContain(`You have ${STUDIED} cards due for review today.`);
  expect(studierDigest?.text).toContain(`${DECK}: due`);
  expect(idlerDigest?.subject).toBe("Retain: 1 deadline within 3 days");
  expect(idlerDigest?.text).not.toContain("cards due for review");
  // Run again the same day: nothing more.
  expect((await runJob(server, sink, "digest", new Date(at.getTime() + 10 * 60_000))).recipients).toBe(0);
  expect(sink.received).toHaveLength(2);

  // After the digests, the other client stops sharing quiz answers and finishes a quiz on the
  // deck (its answers count as reviews of the deck's cards); its questions are noted.
  const quiz = idler.page;
  await quiz.goto("/sharing");
  await quiz.getByRole("switch", { name: /Share my quiz answers/ }).uncheck();
  await expect(quiz.getByText("your trainer sees your quiz scores but not your answers")).toBeVisible();
  await startQuiz(quiz, 5);
  const prompts: string[] = [];
  for (let n = 1; n <= 5; n++) {
    await expect(quiz.locator("#quiz-progress-label")).toContainText(`Question ${n} of 5`);
    prompts.push(((await quiz.locator("#question-prompt").textContent()) ?? "").trim());
    await answerByKeyboard(quiz);
    await quiz.keyboard.press("Enter");
  }
  await expect(quiz).toHaveURL(/\/quiz\/[^/]+\/result$/);
  expect(prompts.every((p) => p.length > 10)).toBe(true);

  // The trainers' job: both clients have slipped (too many cards left for the days left), so an
  // alert each, and it is Monday past the trainer's hour, so the weekly summary.
  expect(await runJob(server, sink, "trainers", at)).toMatchObject({ recipients: 3, outcomes: { sent: 3 } });
  const trainerMail = sink.to(trainer.email);
  expect(trainerMail).toHaveLength(3);
  const alertFor = (name: string) =>
    trainerMail.find((m) => m.subject === `Retain: ${name} is at risk on ${DECK}`);
  expect(alertFor(studier.client.name)?.text).toMatch(
    new RegExp(`${DECK_CARDS - STUDIED} cards left, 3 days at 10 new a day; only [12] days? to go`),
  );
  expect(alertFor(idler.client.name)?.text).toMatch(
    /\b\d+ cards left, \d days at 10 new a day; only [12] days? to go/,
  );
  const summary = trainerMail.find((m) => m.subject?.startsWith("Retain weekly summary"));
  expect(summary?.subject).toBe("Retain weekly summary: 0 on track, 2 slipped, 0 finished, 0 left");
  expect(summary?.text).toContain(
    `Your clients in the week of ${dateIn(trainerZone, at)}: 0 on track, 2 slipped, 0 finished, 0 left.`,
  );
  expect(summary?.text).toContain(`- ${studier.client.name} (${DECK})`);
  expect(summary?.text).toContain(`- ${idler.client.name} (${DECK})`);
  expect(summary?.html).toContain("Slipped (at risk or overdue) (2)");
  // Nothing of the non-sharing client's quiz is in any of the trainer's emails.
  for (const mail of trainerMail) {
    const all = `${mail.subject}\n${mail.text}\n${mail.html}`;
    expect(all).not.toMatch(/quiz/i);
    for (const prompt of prompts) expect(all).not.toContain(prompt);
  }
  // The next hourly run sends nothing again: no new alert, and this week's summary was sent.
  expect(await runJob(server, sink, "trainers", new Date(at.getTime() + 60 * 60_000))).toEqual({
    recipients: 1,
    outcomes: { "already-sent": 1 },
  });
  expect(sink.received).toHaveLength(5);

  // The summary's one-click unsubscribe (RFC 8058): a POST without a session, once.
  expect(headerLine(summary, "list-unsubscribe-post")).toMatch(
    /^List-Unsubscribe-Post:\s+List-Unsubscribe=One-Click$/,
  );
  const unsubscribeUrl = /<(http[^>]+)>/.exec(headerLine(summary, "list-unsubscribe"))?.[1] ?? "";
  expect(unsubscribeUrl.startsWith(`${server.baseURL}/api/unsubscribe/`)).toBe(true);
  const first = await fetch(unsubscribeUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });
  expect(first.status).toBe(200);
  expect(await first.text()).toBe("Unsubscribed.\n");
  const again = await fetch(unsubscribeUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });
  expect(again.status).toBeGreaterThanOrEqual(400);
  expect(again.status).toBeLessThan(500);
  await page.goto("/settings#notifications");
  const settings = page.getByRole("form", { name: "Reminders and notifications" });
  await expect(settings.getByRole("checkbox", { name: /Weekly summary of my clients/ })).not.toBeChecked();
  await expect(settings.getByRole("checkbox", { name: /Alert when a client becomes at risk/ })).toBeChecked();

  // The printable report shows the studying client's history.
  await page.goto("/trainer");
  await page.getByRole("link", { name: studier.client.name }).click();
  await page.getByRole("link", { name: "Printable report" }).click();
  await expect(page.getByRole("heading", { name: `Progress report: ${studier.client.name}` })).toBeVisible();
  const deck = page.getByRole("region", { name: DECK });
  await expect(deck).toContainText(`${STUDIED} of ${DECK_CARDS} cards studied`);
  const week = deck.getByRole("table", { name: `${DECK}, week by week` });
  // The weeks are the last seven days back from now: this week's row holds the three reviews.
  await expect(week.getByRole("row").last().getByRole("cell").first()).toHaveText(String(STUDIED));
  await expect(
    deck.getByRole("img", { name: new RegExp(`^${STUDIED} reviews over 8 weeks, in 1 of them`) }),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("report.png"), fullPage: true });

  await studier.context.close();
  await idler.context.close();
  await context.close();
});

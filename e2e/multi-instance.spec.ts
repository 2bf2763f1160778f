import pg from "pg";
import { type Cluster, startCluster } from "./cluster";
import { AccountPages, expect, test } from "./fixtures";
import { answerByKeyboard, startQuiz } from "./quiz-page";

const server = process.env.TEST_POSTGRES_URL;

test.describe("two app instances over one PostgreSQL database", () => {
  test.skip(!server, "Skipped: set TEST_POSTGRES_URL to run the two-instance test (.ci/run sets it).");
  test.describe.configure({ mode: "serial", timeout: 240_000 });
  let cluster: Cluster;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    cluster = await startCluster(server as string);
  });
  test.afterAll(async () => {
    await cluster?.stop();
  });

  test("sign in, study and take a quiz while requests alternate between instances; all recorded once", async ({
    browser,
  }) => {
    const context = await browser.newContext({ baseURL: cluster.baseURL });
    const page = await context.newPage();
    const account = new AccountPages(page);
    const user = await account.signUp("learner");
    await account.signOut();
    await page.goto("/sign-in");
    await account.signIn(user);
    await expect(page).toHaveURL(/\/dashboard$/);

    await page.goto("/study?deck=mk4-vs-mk7");
    const showAnswer = page.getByRole("button", { name: "Show answer" });
    for (let i = 0; i < 5; i++) {
      await expect(showAnswer).toBeFocused();
      await page.keyboard.press("Space");
      await expect(page.getByRole("button", { name: /^Good.*next in/ })).toBeVisible();
      await page.keyboard.press("3");
    }
    await expect(page.getByRole("status").filter({ hasText: "All answers saved" })).toBeVisible();

    await startQuiz(page, 5);
    for (let n = 1; n <= 5; n++) {
      await answerByKeyboard(page);
      await page.keyboard.press("Enter");
    }
    await expect(page.getByRole("heading", { name: "Your result" })).toBeVisible();
    await context.close();

    const db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
    try {
      const { rows: logs } = await db.query<{ idempotencyKey: string; origin: string; cardId: string }>(
        `SELECT l."idempotencyKey", l.origin, l."cardId" FROM "ReviewLog" l JOIN "User" u ON u.id = l."userId"
         WHERE u.email = $1`,
        [user.email],
      );
      expect(logs.filter((log) => log.origin === "study")).toHaveLength(5);
      expect(new Set(logs.map((log) => log.idempotencyKey)).size).toBe(logs.length);
      // Every card's version counts exactly the answers logged for it: nothing applied twice or lost.
      const { rows: states } = await db.query<{ cardId: string; version: number }>(
        `SELECT s."cardId", s.version FROM "CardState" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`,
        [user.email],
      );
      for (const state of states) {
        expect(state.version).toBe(logs.filter((log) => log.cardId === state.cardId).length);
      }
      const { rows: attempts } = await db.query<{ answers: string; score: number | null }>(
        `SELECT (SELECT COUNT(*) FROM "QuizAnswer" a WHERE a."attemptId" = q.id) AS answers, q.score
         FROM "QuizAttempt" q JOIN "User" u ON u.id = q."userId" WHERE u.email = $1`,
        [user.email],
      );
      expect(attempts).toHaveLength(1);
      expect(Number(attempts[0]?.answers)).toBe(5);
      expect(attempts[0]?.score).not.toBeNull();
    } finally {
      await db.end();
    }
    // Both instances served the session's requests.
    const served = [...cluster.served.values()];
    expect(Math.min(...served)).toBeGreaterThan(10);
  });
});

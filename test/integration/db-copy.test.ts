import { describe, expect, it } from "vitest";
import { recordReview } from "@/lib/data/reviews";
import { databaseUrl } from "@/lib/database-url";
import { createPrismaClient, db } from "@/lib/db";
import { CopyError, copyDatabase } from "@/lib/db-copy";
import { withScratchDatabase } from "@/lib/query/postgres-admin";
import { createDeck, createLearner, key } from "./fixtures";

const server = process.env.TEST_POSTGRES_URL;

// Moves this file's SQLite database into a scratch PostgreSQL database (run once, from the SQLite suite).
describe.runIf(server && databaseUrl().startsWith("file:"))("npm run db:copy (SQLite to PostgreSQL)", () => {
  it("copies every row, keeps card states exactly, and refuses a target that has accounts", async () => {
    const user = await createLearner("Copied learner");
    const cards = await createDeck("copy", 12);
    let clock = Date.parse("2026-05-01T08:00:00Z");
    for (const [i, cardId] of cards.entries()) {
      clock += 60_000;
      await recordReview(
        user.id,
        {
          idempotencyKey: key(),
          cardId,
          rating: 1 + (i % 4),
          expectedVersion: 0,
          answeredAt: clock,
          durationMs: 800,
        },
        new Date(clock),
      );
    }

    await withScratchDatabase(server as string, "retain_copy_test", async (target) => {
      const report = await copyDatabase(databaseUrl(), target);
      expect(report.counts.ReviewLog).toEqual({ source: 12, target: 12 });
      expect(report.counts.User?.target).toBe(await db.user.count());
      expect(report.spotChecked).toBe(12);

      const copied = createPrismaClient(target);
      try {
        const before = await db.cardState.findMany({
          where: { userId: user.id },
          orderBy: { cardId: "asc" },
        });
        const after = await copied.cardState.findMany({
          where: { userId: user.id },
          orderBy: { cardId: "asc" },
        });
        expect(after).toEqual(before);
        const settings = await copied.studySettings.findUnique({ where: { userId: user.id } });
        expect(settings?.enableFuzz).toBe(false);
      } finally {
        await copied.$disconnect();
      }
      await expect(copyDatabase(databaseUrl(), target)).rejects.toThrow(CopyError);
    });
  });
});

import { performance } from "node:perf_hooks";
import { describe, expect, it, vi } from "vitest";
import { errorResponse, isDatabaseBusy } from "@/lib/api/respond";
import { recordReview } from "@/lib/data/reviews";
import { databaseUrl, providerOf, SQLITE_BUSY_TIMEOUT_MS, sqlitePath } from "@/lib/database-url";
import { db } from "@/lib/db";
import { openSqlite } from "@/lib/sqlite-connection";
import { classifyResponse } from "@/lib/study/outbox";
import { holdWriteLock } from "@/scripts/reliability/write-lock";
import { createDeck, createLearner, key } from "./fixtures";

const answer = (cardId: string) => ({
  idempotencyKey: key(),
  cardId,
  rating: 3,
  expectedVersion: 0,
  answeredAt: Date.now(),
  durationMs: 1500,
});

async function caught(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

// prisma/orm#29933: another process holds SQLite's write lock for 6 s, longer than the 5 s busy timeout.
describe.skipIf(providerOf(databaseUrl()) !== "sqlite")(
  "another process holding the write lock for 6 s",
  () => {
    it("makes writes wait and persist or fail with a retryable 503, and loses nothing acknowledged", async () => {
      const user = await createLearner();
      const [refused, waiting] = await createDeck("lock", 2);
      const bumpNewPerDay = () =>
        db.$transaction(async (tx) => {
          const settings = await tx.studySettings.findUniqueOrThrow({ where: { userId: user.id } });
          await tx.studySettings.update({
            where: { userId: user.id },
            data: { newPerDay: settings.newPerDay + 1 },
          });
        });
      const before = await db.studySettings.findUniqueOrThrow({ where: { userId: user.id } });
      const first = answer(refused!);
      const second = answer(waiting!);

      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      const lock = await holdWriteLock(sqlitePath(databaseUrl()), 6000, "exclusive");
      // A Prisma transaction that reads, then writes, cannot wait (SQLite refuses to upgrade a
      // reader while another process writes, to avoid deadlock): it fails at once with P1008.
      const prismaError = await caught(bumpNewPerDay);
      expect(isDatabaseBusy(prismaError)).toBe(true);
      expect(errorResponse(prismaError).status).toBe(503);

      // A review takes the lock up front (BEGIN IMMEDIATE) and waits out the busy timeout (this
      // blocks the test's thread for 5 s, as it blocks the server's), then fails with SQLITE_BUSY.
      const reviewError = await caught(() => recordReview(user.id, first, new Date()));
      expect(performance.now() - lock.lockedAt).toBeGreaterThanOrEqual(SQLITE_BUSY_TIMEOUT_MS - 100);
      expect(isDatabaseBusy(reviewError)).toBe(true);
      const response = errorResponse(reviewError);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      const body = await response.json();
      expect(body).toEqual({ error: "The database is busy. Please try again in a moment.", retryable: true });
      // The study outbox keeps a 503'd answer and sends it again with backoff.
      expect(classifyResponse(response.status, body)).toEqual({ kind: "retry", reason: "server" });

      // A review started with about 1 s of the lock left waits for it and is recorded.
      expect((await recordReview(user.id, second, new Date())).status).toBe("recorded");
      await lock.released;

      // The resends after the lock: the refused answer is recorded once; Prisma works again.
      expect((await recordReview(user.id, first, new Date())).status).toBe("recorded");
      expect((await recordReview(user.id, first, new Date())).status).toBe("duplicate");
      await bumpNewPerDay();
      // errorResponse logged both busy errors (for the operator) and answered them as 503s.
      expect(warn).toHaveBeenCalledTimes(2);
      warn.mockRestore();

      // Read back through a new connection: what was acknowledged is on disk, exactly once.
      const check = openSqlite(databaseUrl());
      try {
        const keys = check
          .prepare<[string], { idempotencyKey: string }>(
            'SELECT idempotencyKey FROM "ReviewLog" WHERE userId = ?',
          )
          .all(user.id)
          .map((row) => row.idempotencyKey);
        expect(keys.sort()).toEqual([first.idempotencyKey, second.idempotencyKey].sort());
        const states = check
          .prepare<[string], { reps: number; version: number }>(
            'SELECT reps, version FROM "CardState" WHERE userId = ?',
          )
          .all(user.id);
        expect(states).toEqual([
          { reps: 1, version: 1 },
          { reps: 1, version: 1 },
        ]);
        const settings = check
          .prepare<[string], { newPerDay: number }>('SELECT newPerDay FROM "StudySettings" WHERE userId = ?')
          .get(user.id);
        expect(settings?.newPerDay).toBe(before.newPerDay + 1);
        expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
      } finally {
        check.close();
      }
    }, 20_000);
  },
);

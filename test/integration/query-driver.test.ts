import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { databaseUrl, providerOf } from "@/lib/database-url";
import { db } from "@/lib/db";
import { query, transaction } from "@/lib/query";
import { processPool } from "@/lib/query/connections";
import { SqliteTransactionYieldedError } from "@/lib/query/sqlite-driver";
import { createLearner } from "./fixtures";

const onSqlite = providerOf(databaseUrl()) === "sqlite";
const nameOf = async (id: string) =>
  (await query().selectFrom("User").select("name").where("id", "=", id).executeTakeFirstOrThrow()).name;

describe("the query builder's transactions", () => {
  it("commit together or roll back together", async () => {
    const user = await createLearner("Before");
    await transaction(async (tx) => {
      await tx.updateTable("User").set({ name: "Committed" }).where("id", "=", user.id).execute();
    });
    expect(await nameOf(user.id)).toBe("Committed");

    const failure = await transaction(async (tx) => {
      await tx.updateTable("User").set({ name: "Rolled back" }).where("id", "=", user.id).execute();
      throw new Error("refused");
    }).catch((error: Error) => error.message);
    expect(failure).toBe("refused");
    expect(await nameOf(user.id)).toBe("Committed");
  });

  it("read dates, booleans and counts the same way on both databases", async () => {
    const user = await createLearner();
    const at = new Date("2026-03-01T12:34:56.789Z");
    await query().updateTable("User").set({ updatedAt: at }).where("id", "=", user.id).execute();
    const row = await query()
      .selectFrom("User")
      .innerJoin("StudySettings", "StudySettings.userId", "User.id")
      .select(["User.updatedAt", "StudySettings.enableFuzz"])
      .select((eb) => eb.fn.countAll<number>().over().as("n"))
      .where("User.id", "=", user.id)
      .executeTakeFirstOrThrow();
    const { parseSqlDate, isTrue } = await import("@/lib/query/values");
    expect(parseSqlDate(row.updatedAt).toISOString()).toBe(at.toISOString());
    expect(isTrue(row.enableFuzz)).toBe(false);
    expect(row.n).toBe(1);
  });
});

describe.skipIf(!onSqlite)("SQLite: one connection, transactions within one turn of the event loop", () => {
  it("rolls back a transaction that awaited something besides its statements", async () => {
    const user = await createLearner("Before");
    const error = await transaction(async (tx) => {
      await tx.updateTable("User").set({ name: "Yielded" }).where("id", "=", user.id).execute();
      await new Promise((resolve) => setTimeout(resolve, 5));
      await tx.updateTable("User").set({ name: "Yielded twice" }).where("id", "=", user.id).execute();
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SqliteTransactionYieldedError);
    expect(await nameOf(user.id)).toBe("Before");
    // The connection serves the next request normally.
    await transaction((tx) =>
      tx.updateTable("User").set({ name: "After" }).where("id", "=", user.id).execute(),
    );
    expect(await nameOf(user.id)).toBe("After");
  });

  it("waits for a Prisma transaction holding the write lock without freezing the process (issue 17)", async () => {
    const user = await createLearner("Before");
    let ticks = 0;
    const ticker = setInterval(() => {
      ticks += 1;
    }, 5);
    try {
      let wrote!: () => void;
      const prismaWrote = new Promise<void>((resolve) => {
        wrote = resolve;
      });
      // Prisma's connection takes the write lock, then awaits a timer (a non-database await).
      const prisma = db.$transaction(async (tx) => {
        await tx.studySettings.update({ where: { userId: user.id }, data: { newPerDay: 7 } });
        wrote();
        await new Promise((resolve) => setTimeout(resolve, 200));
      });
      await prismaWrote;
      const started = Date.now();
      // A BEGIN IMMEDIATE here used to block the event loop for the whole busy timeout, so the
      // Prisma transaction could not finish, and both ended in SQLITE_BUSY after 5 s.
      await transaction((tx) =>
        tx.updateTable("User").set({ name: "After" }).where("id", "=", user.id).execute(),
      );
      await prisma;
      expect(Date.now() - started).toBeLessThan(4000);
      expect(ticks).toBeGreaterThan(5);
    } finally {
      clearInterval(ticker);
    }
    expect(await nameOf(user.id)).toBe("After");
    expect((await db.studySettings.findUniqueOrThrow({ where: { userId: user.id } })).newPerDay).toBe(7);
  });
});

describe.skipIf(onSqlite)("PostgreSQL: named statements and broken connections", () => {
  it("prepares each statement once per connection under a name", async () => {
    const user = await createLearner();
    const names = await transaction(async (tx) => {
      await nameOfIn(tx, user.id);
      await nameOfIn(tx, user.id);
      const rows = await sql<{ name: string }>`SELECT name FROM pg_prepared_statements`.execute(tx);
      return rows.rows.map((row) => row.name);
    });
    expect(names.some((name) => /^k[\w-]{20}$/.test(name))).toBe(true);
  });

  it("destroys a connection whose ROLLBACK failed instead of pooling it", async () => {
    const pool = processPool();
    const error = await transaction(async (tx) => {
      // The server ends this very connection: the statement and the ROLLBACK after it fail.
      await sql`SELECT pg_terminate_backend(pg_backend_pid())`.execute(tx);
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    // Every connection the pool hands out afterwards works.
    for (let i = 0; i < 12; i++) {
      const row = await sql<{ one: number }>`SELECT 1 AS one`.execute(query());
      expect(row.rows[0]?.one).toBe(1);
    }
    expect(pool.totalCount).toBeLessThanOrEqual(10);
  });
});

async function nameOfIn(tx: Parameters<Parameters<typeof transaction>[0]>[0], id: string) {
  return tx.selectFrom("User").select("name").where("id", "=", id).executeTakeFirstOrThrow();
}

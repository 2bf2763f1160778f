import { spawn } from "node:child_process";
import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { BackupIntegrityError, backupDatabase, DatabaseInUseError, restoreDatabase } from "@/lib/backup";
import { recordReview } from "@/lib/data/reviews";
import { databaseUrl } from "@/lib/database-url";
import { applyMigrations } from "@/lib/migrations";
import { openSqlite } from "@/lib/sqlite-connection";
import { createDeck, createLearner, key } from "./fixtures";

const T0 = new Date(Date.UTC(2026, 2, 1, 12, 0, 0));
const dir = mkdtempSync(path.join(os.tmpdir(), "retain-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Snapshot {
  keys: Set<string>;
  logs: number;
  migrations: number;
  /** Cards whose log count differs from their state's reps: a half-copied review. */
  torn: { cardId: string; logs: number; reps: number | null }[];
}

function snapshot(file: string): Snapshot {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const keys = db.prepare('SELECT idempotencyKey FROM "ReviewLog"').pluck().all() as string[];
    const torn = db
      .prepare(
        `SELECT l.cardId, l.logs, s.reps FROM
           (SELECT userId, cardId, count(*) AS logs FROM "ReviewLog" GROUP BY userId, cardId) l
         LEFT JOIN "CardState" s ON s.userId = l.userId AND s.cardId = l.cardId
         WHERE s.reps IS NULL OR s.reps != l.logs`,
      )
      .all() as Snapshot["torn"];
    const migrations = db.prepare('SELECT count(*) FROM "_prisma_migrations"').pluck().get() as number;
    return { keys: new Set(keys), logs: keys.length, migrations, torn };
  } finally {
    db.close();
  }
}

// The online backup API is SQLite's; PostgreSQL deployments back up with the server's own tools.
describe.runIf(databaseUrl().startsWith("file:"))("backup and restore (SQLite)", () => {
  it("copies a consistent snapshot while reviews keep being recorded, and restores it", async () => {
    const user = await createLearner();
    const cards = await createDeck("bak", 20);
    const versions = new Map<string, number>();
    const acknowledged: string[] = [];
    let clock = T0.getTime();
    const review = async () => {
      clock += 60_000;
      const cardId = cards[acknowledged.length % cards.length]!;
      const idempotencyKey = key();
      const expectedVersion = versions.get(cardId) ?? 0;
      const answeredAt = new Date(clock);
      const result = await recordReview(
        user.id,
        { idempotencyKey, cardId, rating: 3, expectedVersion, answeredAt: clock, durationMs: 900 },
        answeredAt,
      );
      versions.set(cardId, result.version);
      acknowledged.push(idempotencyKey);
    };
    for (let i = 0; i < 200; i++) await review();

    let backingUp = true;
    const writer = (async () => {
      while (backingUp) {
        await review();
        await new Promise(setImmediate);
      }
    })();
    const beforeBackup = [...acknowledged];
    const file = path.join(dir, "live.db");
    // A few pages per step so the copy really spans many turns of the event loop.
    const backup = await backupDatabase(process.env.DATABASE_URL!, file, { pagesPerStep: 4 });
    backingUp = false;
    await writer;

    expect(backup.steps).toBeGreaterThan(2);
    expect(acknowledged.length).toBeGreaterThan(beforeBackup.length);
    expect(backup.bytes).toBe(statSync(file).size);
    const copy = snapshot(file);
    for (const k of beforeBackup) expect(copy.keys.has(k)).toBe(true);
    expect([...copy.keys].every((k) => acknowledged.includes(k))).toBe(true);
    expect(copy.torn).toEqual([]);
    expect(copy.migrations).toBeGreaterThan(0);

    const target = path.join(dir, "restored.db");
    restoreDatabase(file, `file:${target}`);
    const restored = snapshot(target);
    expect(restored).toEqual(copy);
    // The schema history came along: migrating the restored file has nothing to do.
    expect(await applyMigrations(`file:${target}`)).toEqual([]);
  });

  it("refuses a corrupt backup and leaves the target untouched", async () => {
    const good = path.join(dir, "good.db");
    await backupDatabase(process.env.DATABASE_URL!, good);
    const target = path.join(dir, "target.db");
    copyFileSync(good, target);
    const before = snapshot(target);

    const corrupt = path.join(dir, "corrupt.db");
    copyFileSync(good, corrupt);
    const fd = openSync(corrupt, "r+");
    // Garbage over the second page onward: the header still opens, the b-trees do not.
    writeSync(fd, Buffer.alloc(16 * 1024, 0xa5), 0, 16 * 1024, 4096);
    closeSync(fd);
    const header = path.join(dir, "header.db");
    copyFileSync(good, header);
    const hfd = openSync(header, "r+");
    writeSync(hfd, Buffer.from("not a database at all"), 0, 21, 0);
    closeSync(hfd);

    expect(() => restoreDatabase(corrupt, `file:${target}`)).toThrow(BackupIntegrityError);
    expect(() => restoreDatabase(header, `file:${target}`)).toThrow(BackupIntegrityError);
    expect(snapshot(target)).toEqual(before);
    expect(() => statSync(`${target}.restoring`)).toThrow();
  });

  /** Another process with the database open and idle, as a running server keeps it. */
  async function holdOpen(file: string) {
    const child = spawn(
      process.execPath,
      [
        "-e",
        `const db = new (require("better-sqlite3"))(process.argv[1]); db.pragma("journal_mode = WAL");
         db.prepare("SELECT count(*) FROM _prisma_migrations").get(); console.log("open");
         process.stdin.on("end", () => db.close()); process.stdin.resume();`,
        file,
      ],
      { cwd: process.cwd(), stdio: ["pipe", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("open") && resolve());
      child.once("exit", (code) => reject(new Error(`holder exited with ${code}`)));
    });
    return {
      release: () =>
        new Promise<void>((resolve) => {
          child.once("exit", () => resolve());
          child.stdin.end();
        }),
    };
  }

  it("refuses to restore over a database another process or connection holds, and changes nothing", async () => {
    await createDeck("held", 3);
    const backup = path.join(dir, "held-backup.db");
    await backupDatabase(process.env.DATABASE_URL!, backup);
    const target = path.join(dir, "held-target.db");
    await backupDatabase(process.env.DATABASE_URL!, target);
    const targetUrl = `file:${target}`;
    // The target moves on after the backup (as the running server's writes do).
    const live = openSqlite(targetUrl);
    live.exec("CREATE TABLE written_after_backup (x); INSERT INTO written_after_backup VALUES (1)");
    const written = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db
          .prepare("SELECT count(*) FROM sqlite_master WHERE name = 'written_after_backup'")
          .pluck()
          .get();
      } finally {
        db.close();
      }
    };
    const before = snapshot(target);

    // An idle connection in this process (the server's kind: WAL), then another process.
    expect(() => restoreDatabase(backup, targetUrl)).toThrow(DatabaseInUseError);
    expect(() => restoreDatabase(backup, targetUrl)).toThrow(/open in another process.*Nothing was changed/);
    expect(snapshot(target)).toEqual(before);
    expect(written(target)).toBe(1);
    expect(live.pragma("journal_mode", { simple: true })).toBe("wal");
    live.close();

    const holder = await holdOpen(target);
    try {
      expect(() => restoreDatabase(backup, targetUrl)).toThrow(DatabaseInUseError);
      expect(snapshot(target)).toEqual(before);
      expect(written(target)).toBe(1);
      expect(() => statSync(`${target}.restoring`)).toThrow();
    } finally {
      await holder.release();
    }

    // Nobody holds it any more: the restore goes through, and the target is the backup again.
    restoreDatabase(backup, targetUrl);
    expect(written(target)).toBe(0);
    expect(snapshot(target)).toEqual(snapshot(backup));
  });
});

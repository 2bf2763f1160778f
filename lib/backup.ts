import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { providerOf, SQLITE_BUSY_TIMEOUT_MS, sqlitePath } from "./database-url";
import { openSqlite } from "./sqlite-connection";
import { configureSqlite } from "./sqlite-pragmas";

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
  /** Backup steps taken; more than one means the copy interleaved with the app's writes. */
  steps: number;
  tookMs: number;
}

/** A backup or restore source that is not a sound Retain database. */
export class BackupIntegrityError extends Error {}

/** Pages copied per step: small enough to keep the event loop (and the app's writers) moving. */
const PAGES_PER_STEP = 256;
/** Copying every remaining page in one step reads one consistent snapshot under one read lock. */
const ALL_PAGES = 0x7fffffff;

function sqliteFile(url: string): string {
  if (providerOf(url) !== "sqlite") throw new Error("Backups here cover SQLite; use pg_dump for PostgreSQL.");
  return sqlitePath(url);
}

/** Throws BackupIntegrityError unless the file opens, passes integrity_check and has migrations. */
function checkDatabase(file: string, label: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
    const result = db.pragma("integrity_check", { simple: false }) as { integrity_check: string }[];
    const messages = result.map((row) => row.integrity_check);
    if (messages.join() !== "ok") throw new Error(messages.slice(0, 5).join("; "));
    const migrations = db
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get() as { n: number };
    if (!migrations.n) throw new Error("it has no _prisma_migrations table (not a Retain database)");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackupIntegrityError(`${label} failed its integrity check: ${reason}`);
  } finally {
    db?.close();
  }
}

function fsyncPath(file: string): void {
  const fd = openSync(file, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeSqliteFile(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}

/**
 * Copies a consistent snapshot of a live SQLite database with the online backup API, so the
 * app keeps serving and writing meanwhile. The copy is written to `<destination>.partial`,
 * checked, switched to a single self-contained file (journal_mode=DELETE), fsynced and only
 * then renamed to `destination`, so a file under that name is always a complete backup.
 */
export async function backupDatabase(
  sourceUrl: string,
  destinationPath: string,
  options: { pagesPerStep?: number } = {},
): Promise<BackupResult> {
  const source = sqliteFile(sourceUrl);
  const file = path.resolve(destinationPath);
  if (!existsSync(source)) throw new Error(`There is no database at ${source}.`);
  if (existsSync(file)) throw new Error(`${file} already exists; choose another backup file.`);
  const partial = `${file}.partial`;
  removeSqliteFile(partial);

  const started = performance.now();
  const db = openSqlite(sourceUrl);
  let steps = 0;
  let lastRemaining = Number.POSITIVE_INFINITY;
  let pages = 0;
  try {
    const progress = await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        steps += 1;
        pages = totalPages;
        // A write from another connection restarts the copy from page one; copying the rest in
        // one step then finishes under a single read lock instead of restarting forever.
        const restarted = remainingPages >= lastRemaining;
        lastRemaining = remainingPages;
        return restarted ? ALL_PAGES : (options.pagesPerStep ?? PAGES_PER_STEP);
      },
    });
    pages = progress.totalPages;
    steps += 1;
  } catch (error) {
    removeSqliteFile(partial);
    throw error;
  } finally {
    db.close();
  }

  try {
    checkDatabase(partial, "The new backup");
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    fsyncPath(partial);
    renameSync(partial, file);
    fsyncPath(path.dirname(file));
  } catch (error) {
    removeSqliteFile(partial);
    throw error;
  }
  return { file, bytes: statSync(file).size, pages, steps, tookMs: performance.now() - started };
}

/** The target of a restore is open in another process (a running server): nothing was changed. */
export class DatabaseInUseError extends Error {}

/** How long a restore waits for other connections to let go before it refuses. */
const CLAIM_TIMEOUT_MS = 1_000;

/**
 * Takes sole hold of an existing database before it is replaced. Every connection in WAL mode
 * (the app's always are) keeps a shared lock on the file while it is open, even idle, and leaving
 * WAL needs an exclusive lock: so switching to journal_mode=DELETE fails with SQLITE_BUSY while a
 * server has the file open, and succeeds only when nobody does. locking_mode=EXCLUSIVE then keeps
 * that lock, so no connection opened meanwhile writes into the file about to be replaced.
 */
function claimDatabase(file: string): Database.Database | undefined {
  if (!existsSync(file)) return undefined;
  const db = new Database(file, { fileMustExist: true, timeout: CLAIM_TIMEOUT_MS });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    const mode = db.pragma("journal_mode = DELETE", { simple: true });
    if (mode !== "delete")
      throw Object.assign(new Error(`journal_mode stayed ${mode}`), { code: "SQLITE_BUSY" });
    db.exec("BEGIN EXCLUSIVE; COMMIT");
    return db;
  } catch (error) {
    db.close();
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("SQLITE_BUSY")) {
      throw new DatabaseInUseError(
        `${file} is open in another process (is the app running?). Stop every server and script ` +
          "using it, then restore again. Nothing was changed.",
      );
    }
    throw error;
  }
}

/**
 * Replaces the database at `targetUrl` with a backup. It refuses (DatabaseInUseError, target
 * unchanged) while another process has the target open: a running server keeps its connection,
 * and its WAL, on the old file and would go on acknowledging writes into a deleted file.
 *
 * The backup is copied to `<target>.restoring` and checked there (integrity_check, migrations
 * table); a failing backup is refused and the target is left untouched. The checked copy is
 * fsynced, the target is claimed (see claimDatabase; its stale `-wal`/`-shm` go, as SQLite would
 * otherwise replay the old WAL onto the restored file), and the copy is renamed over the target
 * in one atomic step.
 */
export function restoreDatabase(backupPath: string, targetUrl: string): { file: string; bytes: number } {
  const backup = path.resolve(backupPath);
  const target = sqliteFile(targetUrl);
  if (!existsSync(backup)) throw new Error(`There is no backup at ${backup}.`);
  if (backup === target) throw new Error("The backup and the target are the same file.");
  const restoring = `${target}.restoring`;
  removeSqliteFile(restoring);
  copyFileSync(backup, restoring);
  let claim: Database.Database | undefined;
  let replaced = false;
  try {
    checkDatabase(restoring, `The backup ${backup}`);
    fsyncPath(restoring);
    claim = claimDatabase(target);
    for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(target + suffix, { force: true });
    renameSync(restoring, target);
    replaced = true;
    fsyncPath(path.dirname(target));
  } catch (error) {
    removeSqliteFile(restoring);
    throw error;
  } finally {
    // Not replaced (a failure after the claim): the target goes back to WAL, as the app expects.
    if (claim && !replaced) claim.pragma("journal_mode = WAL");
    claim?.close();
  }
  // The app expects WAL; backups are stored as single files in rollback-journal mode.
  configureSqlite(targetUrl);
  return { file: target, bytes: statSync(target).size };
}

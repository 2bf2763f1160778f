import { sql } from "kysely";
import { applyMigrations } from "../migrations";
import { type Database, type DB, openQuery } from "../query";

/**
 * Tables in an order that satisfies every foreign key, parents first. `_prisma_migrations` is
 * each database's own history and `rate_limits` is short-lived, so neither is copied.
 */
export const COPIED_TABLES = [
  "User",
  // Before Card: a card may name its picture.
  "CardImage",
  "Document",
  "Deck",
  "Card",
  "QuizItem",
  "DeckCard",
  "FsrsParameterSet",
  "StudySettings",
  "CardState",
  "ReviewLog",
  "QuizAttempt",
  "QuizAnswer",
  "TrainerInvitation",
  "TrainerClient",
  "Assignment",
  "OptimizationJob",
  "NotificationSettings",
  "Notification",
  "EmailMessage",
  "UnsubscribeToken",
  "AssignmentStatusMark",
] as const satisfies readonly (keyof DB)[];
type Table = (typeof COPIED_TABLES)[number];
type Row = Record<string, unknown>;

/** Columns read back to spot-check card states after the copy. */
const CARD_STATE_CHECK = ["state", "due", "stability", "difficulty", "reps", "lapses", "version"] as const;
const BATCH_ROWS = 500;

export interface CopyReport {
  counts: Record<string, { source: number; target: number }>;
  spotChecked: number;
  tookMs: number;
}

export class CopyError extends Error {}

async function countRows(db: Database, table: Table): Promise<number> {
  const { rows } = await sql<{ n: number | bigint }>`SELECT COUNT(*) AS n FROM ${sql.table(table)}`.execute(
    db,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Values as the target stores them: dates are compared as instants, booleans as booleans. */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "string" && /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d/.test(value)) {
    return new Date(value.includes("T") ? value : `${value.replace(" ", "T")}Z`).getTime();
  }
  if (typeof value === "bigint") return Number(value);
  return value;
}

async function readTable(db: Database, table: Table): Promise<Row[]> {
  return (await sql<Row>`SELECT * FROM ${sql.table(table)}`.execute(db)).rows;
}

/** Every column of every row, in batches; tables differ in shape, so the statement is built here. */
async function insertRows(tx: Database, table: Table, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object);
  const head = sql.join(columns.map((column) => sql.ref(column)));
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    const tuples = rows
      .slice(i, i + BATCH_ROWS)
      .map((row) => sql`(${sql.join(columns.map((column) => row[column]))})`);
    await sql`INSERT INTO ${sql.table(table)} (${head}) VALUES ${sql.join(tuples)}`.execute(tx);
  }
}

/**
 * Copies every row of an installation into an empty, freshly migrated database (e.g. SQLite to
 * PostgreSQL), in one transaction on the target, then checks row counts per table and compares
 * a sample of card states field by field. Refuses a target that already holds users.
 */
export async function copyDatabase(fromUrl: string, toUrl: string, sample = 50): Promise<CopyReport> {
  const started = performance.now();
  if (fromUrl === toUrl) throw new CopyError("The source and the target are the same database.");
  await applyMigrations(toUrl);
  const from = openQuery(fromUrl);
  const to = openQuery(toUrl);
  try {
    if ((await countRows(to.db, "User")) > 0) {
      throw new CopyError("The target database already has accounts; copy into an empty database.");
    }
    // Read before the target's transaction: a SQLite transaction may await nothing but its own
    // statements (docs/data-access.md), so it cannot wait on the source meanwhile.
    const source = new Map<Table, Row[]>();
    for (const table of COPIED_TABLES) source.set(table, await readTable(from.db, table));
    await to.db.transaction().execute(async (tx) => {
      // Content loaded by a start of the app on the target would collide; the copy brings its own.
      for (const table of [...COPIED_TABLES].reverse()) await tx.deleteFrom(table).execute();
      for (const table of COPIED_TABLES) await insertRows(tx, table, source.get(table) ?? []);
    });

    const counts: CopyReport["counts"] = {};
    for (const table of COPIED_TABLES) {
      counts[table] = {
        source: await countRows(from.db, table),
        target: await countRows(to.db, table),
      };
      if (counts[table].source !== counts[table].target) {
        throw new CopyError(
          `${table}: ${counts[table].source} rows in the source, ${counts[table].target} copied.`,
        );
      }
    }
    const picks = await from.db
      .selectFrom("CardState")
      .selectAll()
      .orderBy("userId")
      .orderBy("cardId")
      .limit(sample)
      .execute();
    for (const pick of picks) {
      const copied = await to.db
        .selectFrom("CardState")
        .selectAll()
        .where("userId", "=", pick.userId)
        .where("cardId", "=", pick.cardId)
        .executeTakeFirst();
      for (const field of CARD_STATE_CHECK) {
        if (comparable(copied?.[field]) !== comparable(pick[field])) {
          throw new CopyError(
            `CardState ${String(pick.userId)}/${String(pick.cardId)}: ${field} differs after the copy.`,
          );
        }
      }
    }
    return { counts, spotChecked: picks.length, tookMs: performance.now() - started };
  } finally {
    await Promise.all([from.close(), to.close()]);
  }
}

import { applyMigrations } from "../migrations";
import { createSqlClient, type SqlClient } from "../sql/client";

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
] as const;

/** Columns read back to spot-check card states after the copy. */
const CARD_STATE_CHECK = ["state", "due", "stability", "difficulty", "reps", "lapses", "version"] as const;
const BATCH_ROWS = 500;

export interface CopyReport {
  counts: Record<string, { source: number; target: number }>;
  spotChecked: number;
  tookMs: number;
}

export class CopyError extends Error {}

const quoted = (name: string) => `"${name}"`;

async function countRows(client: SqlClient, table: string): Promise<number> {
  const row = await client.get<{ n: number | bigint }>(`SELECT COUNT(*) AS n FROM ${quoted(table)}`);
  return Number(row?.n ?? 0);
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

async function copyTable(source: SqlClient, target: SqlClient, table: string): Promise<void> {
  const rows = await source.all<Record<string, unknown>>(`SELECT * FROM ${quoted(table)}`);
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object);
  const head = `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    const batch = rows.slice(i, i + BATCH_ROWS);
    await target.run(
      head + batch.map(() => tuple).join(", "),
      batch.flatMap((row) => columns.map((column) => row[column])),
    );
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
  const from = createSqlClient(fromUrl);
  const to = createSqlClient(toUrl);
  try {
    if ((await countRows(to.client, "User")) > 0) {
      throw new CopyError("The target database already has accounts; copy into an empty database.");
    }
    await to.client.transaction(async (tx) => {
      // Content loaded by a start of the app on the target would collide; the copy brings its own.
      for (const table of [...COPIED_TABLES].reverse()) await tx.run(`DELETE FROM ${quoted(table)}`);
      for (const table of COPIED_TABLES) await copyTable(from.client, tx, table);
    });

    const counts: CopyReport["counts"] = {};
    for (const table of COPIED_TABLES) {
      counts[table] = {
        source: await countRows(from.client, table),
        target: await countRows(to.client, table),
      };
      if (counts[table].source !== counts[table].target) {
        throw new CopyError(
          `${table}: ${counts[table].source} rows in the source, ${counts[table].target} copied.`,
        );
      }
    }
    const picks = await from.client.all<Record<string, unknown>>(
      `SELECT * FROM "CardState" ORDER BY userId, cardId LIMIT ?`,
      [sample],
    );
    for (const pick of picks) {
      const copied = await to.client.get<Record<string, unknown>>(
        'SELECT * FROM "CardState" WHERE userId = ? AND cardId = ?',
        [pick.userId, pick.cardId],
      );
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

import { parseSqlDate } from "@/lib/query/values";
import { openSqlite } from "@/lib/sqlite-connection";
import { type ReviewRating, replay, sameSchedule } from "@/lib/srs";
import type { Ledger } from "./ledger";

interface LogRow {
  userId: string;
  cardId: string;
  idempotencyKey: string;
  rating: number;
  reviewedAt: string;
  dueBefore: string;
}

interface StateRow {
  userId: string;
  cardId: string;
  state: string;
  due: string;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  learningSteps: number;
  scheduledDays: number;
  lastReview: string | null;
  version: number;
}

export interface Verification {
  integrity: string;
  logRows: number;
  /** Distinct keys answered 2xx so far. */
  acknowledged: number;
  cardStates: number;
  /** Acknowledged keys without a log row: lost answers. */
  missingAcknowledged: string[];
  /** Log rows whose key was neither acknowledged nor in doubt. */
  unexpectedKeys: string[];
  /** Keys in doubt (no answer before the crash) that the database has. */
  committedInDoubt: number;
  /** Cards whose stored state is not the replay of their log (or has no log, or no state). */
  mismatches: string[];
}

/**
 * Reads the database as it is on disk (after a crash: as SQLite recovers it) and checks it
 * against what the tabs were told: every acknowledged key has its log row, and every card
 * state is exactly the replay of its log (same schedule, reps and version == number of logs),
 * so no card was updated without its log row or the reverse.
 */
export async function verifyDatabase(url: string, ledger: Ledger, userIds: string[]): Promise<Verification> {
  // Loaded here, once DATABASE_URL names this database (lib/db opens a client on import).
  const { toLearnerSettings } = await import("@/lib/data/settings");
  const { cardKey } = await import("@/lib/data/reviews");
  const db = openSqlite(url);
  try {
    const integrity = db.pragma("integrity_check", { simple: true }) as string;
    const users = JSON.stringify(userIds);
    const logs = db
      .prepare<[string], LogRow>(
        `SELECT userId, cardId, idempotencyKey, rating, reviewedAt, dueBefore FROM "ReviewLog"
         WHERE userId IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
      )
      .all(users);
    const states = db
      .prepare<[string], StateRow>(
        `SELECT userId, cardId, state, due, stability, difficulty, reps, lapses, learningSteps, scheduledDays,
           lastReview, version FROM "CardState" WHERE userId IN (SELECT value FROM json_each(?))`,
      )
      .all(users);
    const settingsRow = db.prepare('SELECT * FROM "StudySettings" WHERE userId = ?');

    const logKeys = new Set(logs.map((log) => log.idempotencyKey));
    const missingAcknowledged = [...ledger.acknowledged.keys()].filter((key) => !logKeys.has(key));
    const unexpectedKeys = [...logKeys].filter(
      (key) => !ledger.acknowledged.has(key) && !ledger.inDoubt.has(key),
    );
    const committedInDoubt = [...ledger.inDoubt.keys()].filter((key) => logKeys.has(key)).length;

    const byCard = new Map<string, LogRow[]>();
    for (const log of logs) {
      const id = cardKey(log.userId, log.cardId);
      byCard.set(id, [...(byCard.get(id) ?? []), log]);
    }
    const mismatches: string[] = [];
    const settingsOf = new Map<string, ReturnType<typeof toLearnerSettings>>();
    for (const row of states) {
      const id = cardKey(row.userId, row.cardId);
      const own = byCard.get(id) ?? [];
      byCard.delete(id);
      if (row.reps !== own.length || row.version !== own.length) {
        mismatches.push(`${id}: reps ${row.reps}, version ${row.version}, ${own.length} log rows`);
        continue;
      }
      if (!own.length) continue;
      let settings = settingsOf.get(row.userId);
      if (!settings) {
        settings = toLearnerSettings(settingsRow.get(row.userId) as Parameters<typeof toLearnerSettings>[0]);
        settingsOf.set(row.userId, settings);
      }
      // A new card's schedule starts at the time of its first answer, which its first log row keeps.
      const replayed = replay(
        own.map((log) => ({ rating: log.rating as ReviewRating, reviewedAt: parseSqlDate(log.reviewedAt) })),
        parseSqlDate((own[0] as LogRow).dueBefore),
        settings,
        id,
      );
      const stored = {
        state: row.state as typeof replayed.state,
        due: parseSqlDate(row.due),
        stability: row.stability,
        difficulty: row.difficulty,
        reps: row.reps,
        lapses: row.lapses,
        learningSteps: row.learningSteps,
        scheduledDays: row.scheduledDays,
        lastReview: row.lastReview ? parseSqlDate(row.lastReview) : null,
      };
      if (!sameSchedule(stored, replayed))
        mismatches.push(`${id}: stored state differs from the replay of its log`);
    }
    for (const [id, own] of byCard) mismatches.push(`${id}: ${own.length} log rows but no card state`);
    return {
      integrity,
      logRows: logs.length,
      acknowledged: ledger.acknowledged.size,
      cardStates: states.length,
      missingAcknowledged,
      unexpectedKeys,
      committedInDoubt,
      mismatches,
    };
  } finally {
    db.close();
  }
}

/** The checks every tool makes on the database against what the tabs were told. */
export function durabilityChecks(v: Verification, ledger: Ledger): [boolean, string][] {
  const mismatchText = v.mismatches.length ? ` (${v.mismatches.slice(0, 3).join("; ")})` : "";
  return [
    [v.integrity === "ok", `PRAGMA integrity_check: ${v.integrity}`],
    [
      v.missingAcknowledged.length === 0,
      `every acknowledged key is in ReviewLog: ${v.acknowledged - v.missingAcknowledged.length} of ${v.acknowledged}`,
    ],
    [
      v.logRows === v.acknowledged + v.committedInDoubt && v.unexpectedKeys.length === 0,
      `review-log rows ${v.logRows} == distinct acknowledged keys ${v.acknowledged}` +
        (ledger.inDoubt.size ? ` + ${v.committedInDoubt} of ${ledger.inDoubt.size} keys in doubt` : ""),
    ],
    [
      v.mismatches.length === 0,
      `each card state is the replay of its log, reps == version == log rows: ${v.cardStates - v.mismatches.length} of ${v.cardStates} cards${mismatchText}`,
    ],
    [
      ledger.anomalies.length === 0,
      `answers follow the protocol (409 carries a newer state, "recorded" is expectedVersion + 1, resends of acknowledged keys are "duplicate"): ${ledger.anomalies.length} anomalies${ledger.anomalies.length ? ` (${ledger.anomalies.slice(0, 3).join("; ")})` : ""}`,
    ],
  ];
}

/** Prints each check as ✓ or ✗ and fails the tool (exit code 1 via runScript) when one failed. */
export function reportChecks(checks: [ok: boolean, text: string][]): void {
  for (const [ok, text] of checks) console.log(`  ${ok ? "✓" : "✗"} ${text}`);
  const failed = checks.filter(([ok]) => !ok).length;
  if (failed) throw new Error(`${failed} of ${checks.length} checks failed`);
}

import "server-only";
import { parseSqlDate, type SqlDateValue } from "@/lib/query/values";
import type { SqlClient } from "@/lib/sql/client";
import type { LearnerSettings } from "@/lib/srs";
import type { CardSchedule, SrsState } from "@/lib/srs/types";
import { loadEffectiveWeights } from "./effective-weights";
import { type SettingsRow, toLearnerSettings } from "./settings";

/** The schedule columns of a CardState row, as better-sqlite3 returns them. */
export interface ScheduleColumns {
  state: string;
  due: SqlDateValue;
  stability: number;
  difficulty: number;
  reps: number | bigint;
  lapses: number | bigint;
  learningSteps: number | bigint;
  scheduledDays: number | bigint;
  lastReview: SqlDateValue | null;
}

/** Those columns in a SELECT over `"CardState" s`. */
export const SCHEDULE_COLUMNS =
  "s.state, s.due, s.stability, s.difficulty, s.reps, s.lapses, s.learningSteps, s.scheduledDays, s.lastReview";

export function scheduleFromRow(row: ScheduleColumns): CardSchedule {
  return {
    state: row.state as SrsState,
    due: parseSqlDate(row.due),
    stability: row.stability,
    difficulty: row.difficulty,
    reps: Number(row.reps),
    lapses: Number(row.lapses),
    learningSteps: Number(row.learningSteps),
    scheduledDays: Number(row.scheduledDays),
    lastReview: row.lastReview ? parseSqlDate(row.lastReview) : null,
  };
}

/** The learner's settings row through the raw-SQL client (inside its transactions too). */
export async function loadSettingsRow(client: SqlClient, userId: string): Promise<SettingsRow | undefined> {
  return client.get<SettingsRow>('SELECT * FROM "StudySettings" WHERE userId = ?', [userId]);
}

export async function loadLearnerSettings(client: SqlClient, userId: string): Promise<LearnerSettings> {
  const settings = toLearnerSettings(await loadSettingsRow(client, userId));
  // FSRS weights: the learner's own applied set, a trainer's cohort set, or the defaults (undefined).
  const weights = await loadEffectiveWeights(client, userId);
  return weights ? { ...settings, weights } : settings;
}

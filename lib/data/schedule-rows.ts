import "server-only";
import type { Database } from "@/lib/query";
import { parseSqlDate, type SqlDateValue } from "@/lib/query/values";
import type { LearnerSettings } from "@/lib/srs";
import type { CardSchedule, SrsState } from "@/lib/srs/types";
import { effectiveWeights, parseWeights } from "./effective-weights";
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

/** Those columns for the query builder, over `CardState as s`. */
export const SCHEDULE_COLUMNS = [
  "s.state",
  "s.due",
  "s.stability",
  "s.difficulty",
  "s.reps",
  "s.lapses",
  "s.learningSteps",
  "s.scheduledDays",
  "s.lastReview",
] as const;

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

/** The learner's settings row (inside a transaction too). */
export async function loadSettingsRow(db: Database, userId: string): Promise<SettingsRow | undefined> {
  return db.selectFrom("StudySettings").selectAll().where("userId", "=", userId).executeTakeFirst();
}

/**
 * The StudySettings columns for a query that LEFT JOINs `"StudySettings" st` (its learningSteps
 * renamed, as CardState has a column of that name): `settingsOfRow` turns them back into a row.
 */
export const SETTINGS_COLUMNS = [
  "st.userId as settingsUserId",
  "st.desiredRetention",
  "st.newPerDay",
  "st.newPerDayTotal",
  "st.maxReviewsPerDay",
  "st.maximumInterval",
  "st.learningSteps as settingsLearningSteps",
  "st.relearningSteps",
  "st.timeZone",
  "st.dayRolloverHour",
  "st.enableFuzz",
  "st.quizFeedsSchedule",
  "st.leechThreshold",
  "st.leechAction",
] as const;

type JoinedSettings = { settingsUserId: string | null; settingsLearningSteps: string | null } & {
  [K in Exclude<keyof SettingsRow, "learningSteps">]: SettingsRow[K] | null;
};

export function settingsOfRow(row: JoinedSettings): SettingsRow | undefined {
  if (row.settingsUserId === null) return undefined;
  return { ...(row as unknown as SettingsRow), learningSteps: row.settingsLearningSteps as string };
}

/** Settings with the effective FSRS weights (undefined: ts-fsrs's defaults). */
export function learnerSettingsOf(row: SettingsRow | undefined, weightsJson: string | null): LearnerSettings {
  const settings = toLearnerSettings(row);
  const weights = parseWeights(weightsJson);
  return weights ? { ...settings, weights } : settings;
}

/** The learner's settings with their effective FSRS weights, in one statement. */
export async function loadLearnerSettings(db: Database, userId: string): Promise<LearnerSettings> {
  const row = await db
    .selectFrom("User as u")
    .leftJoin("StudySettings as st", "st.userId", "u.id")
    .select(SETTINGS_COLUMNS)
    .select(effectiveWeights(userId).as("weights"))
    .where("u.id", "=", userId)
    .executeTakeFirst();
  return learnerSettingsOf(row ? settingsOfRow(row) : undefined, row?.weights ?? null);
}

import "server-only";
import { LRUCache } from "lru-cache";
import { db } from "@/lib/db";
import { DEFAULT_LEARNER_SETTINGS, type LearnerSettings, learnerSettingsSchema } from "@/lib/srs";

/** The StudySettings columns, as either Prisma or a raw SQLite row gives them. */
export interface SettingsRow {
  desiredRetention: number;
  newPerDay: number | bigint;
  newPerDayTotal?: number | bigint;
  maxReviewsPerDay: number | bigint;
  maximumInterval: number | bigint;
  learningSteps: string;
  relearningSteps: string;
  timeZone: string;
  dayRolloverHour: number | bigint;
  enableFuzz: boolean | number | bigint;
  quizFeedsSchedule?: boolean | number | bigint;
  leechThreshold?: number | bigint;
  leechAction?: string;
}

function parseSteps(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/**
 * Validated settings by their stored values: every review reads the learner's row, and validating
 * it again cost about as much as the review's SQL (issue 18). The results are frozen and shared.
 */
const validated = new LRUCache<string, LearnerSettings>({ max: 512 });

/** Stored settings, validated; anything unreadable falls back to the default for that field. */
export function toLearnerSettings(row: SettingsRow | null | undefined): LearnerSettings {
  if (!row) return DEFAULT_LEARNER_SETTINGS;
  const key = JSON.stringify([
    row.desiredRetention,
    String(row.newPerDay),
    String(row.newPerDayTotal),
    String(row.maxReviewsPerDay),
    String(row.maximumInterval),
    row.learningSteps,
    row.relearningSteps,
    row.timeZone,
    String(row.dayRolloverHour),
    String(row.enableFuzz),
  ]);
  let settings = validated.get(key);
  if (!settings) {
    settings = deepFreeze(validate(row));
    validated.set(key, settings);
  }
  return settings;
}

function deepFreeze<T extends object>(value: T): T {
  for (const field of Object.values(value)) if (typeof field === "object" && field) Object.freeze(field);
  return Object.freeze(value);
}

function validate(row: SettingsRow): LearnerSettings {
  const candidate = {
    desiredRetention: row.desiredRetention,
    newPerDay: Number(row.newPerDay),
    newPerDayTotal: row.newPerDayTotal === undefined ? undefined : Number(row.newPerDayTotal),
    maxReviewsPerDay: Number(row.maxReviewsPerDay),
    maximumInterval: Number(row.maximumInterval),
    learningSteps: parseSteps(row.learningSteps),
    relearningSteps: parseSteps(row.relearningSteps),
    timeZone: row.timeZone,
    dayRolloverHour: Number(row.dayRolloverHour),
    enableFuzz: Boolean(row.enableFuzz),
  };
  const parsed = learnerSettingsSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const fields = Object.fromEntries(
    Object.entries(candidate).filter(([key]) => !parsed.error.issues.some((issue) => issue.path[0] === key)),
  );
  return learnerSettingsSchema.parse(fields);
}

export async function getLearnerSettings(userId: string): Promise<LearnerSettings> {
  return toLearnerSettings(await db.studySettings.findUnique({ where: { userId } }));
}

export interface StudySettingsView {
  desiredRetention: number;
  newPerDay: number;
  newPerDayTotal: number;
  maxReviewsPerDay: number;
  maximumInterval: number;
  learningSteps: string[];
  relearningSteps: string[];
  timeZone: string;
  dayRolloverHour: number;
  quizFeedsSchedule: boolean;
}

export async function getStudySettings(userId: string): Promise<StudySettingsView> {
  const row = await db.studySettings.findUnique({ where: { userId } });
  const settings = toLearnerSettings(row);
  return {
    desiredRetention: settings.desiredRetention,
    newPerDay: settings.newPerDay,
    newPerDayTotal: settings.newPerDayTotal,
    maxReviewsPerDay: settings.maxReviewsPerDay,
    maximumInterval: settings.maximumInterval,
    learningSteps: settings.learningSteps,
    relearningSteps: settings.relearningSteps,
    timeZone: settings.timeZone,
    dayRolloverHour: settings.dayRolloverHour,
    quizFeedsSchedule: row?.quizFeedsSchedule ?? true,
  };
}

/** Saves validated settings for the learner (the row exists from sign-up; upsert for safety). */
export async function saveStudySettings(
  userId: string,
  // Without the all-decks limit (a form from before it existed), the stored one stays.
  settings: Omit<StudySettingsView, "newPerDayTotal"> & { newPerDayTotal?: number },
): Promise<void> {
  const data = {
    ...settings,
    learningSteps: JSON.stringify(settings.learningSteps),
    relearningSteps: JSON.stringify(settings.relearningSteps),
  };
  await db.studySettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}

import "server-only";
import { isTrue, parseSqlDate, type SqlDateValue, sqlDate } from "@/lib/query/values";
import { studyableSql } from "@/lib/sql/card-marks";
import { type SqlClient, sql } from "@/lib/sql/client";
import { cardInDeck, joinMemberships } from "@/lib/sql/deck-membership";
import {
  type CardSchedule,
  type LearnerSettings,
  type StudyDayClock,
  shiftStudyDayKey,
  studyDayKey,
  studyDayStartOfKey,
} from "@/lib/srs";
import { type AssignmentGoalKind, type OnTrack, onTrack } from "@/lib/trainer/on-track";
import { recallAt } from "@/lib/trainer/recall";
import { SCHEDULE_COLUMNS, type ScheduleColumns, scheduleFromRow } from "../schedule-rows";
import { type SettingsRow, toLearnerSettings } from "../settings";
import {
  type HiddenStudyLogRow,
  hiddenLog,
  type StudyOnlyCardView,
  sharedCard,
  sharedLog,
  studyOnlyCards,
  unstudiedQuizLog,
} from "./consent";

/**
 * The rows of a trainer's clients table, in a fixed number of queries whatever the number of
 * clients: every statement runs over all the clients in scope at once (a JSON list, read by
 * SQLite's json_each or PostgreSQL's json_array_elements) and groups in SQL; only retrievability,
 * which needs ts-fsrs, is computed in JS.
 * Each statement joins TrainerClient (endedAt IS NULL) and Assignment (removedAt IS NULL) itself,
 * so nothing outside a standing link and a live assignment is ever read, and applies the consent
 * rule of ./consent.ts: quiz answers, and card states they changed, only of clients who share them.
 */

export interface ActiveClient {
  clientId: string;
  name: string;
  email: string;
  /** The trainer's group the client is in, if any. */
  groupId: string | null;
  groupName: string | null;
  shareQuizAnswers: boolean;
  settings: LearnerSettings;
  clock: StudyDayClock;
  /** Start of the client's current study day. */
  dayStart: Date;
  /** Start of the study day six days before (the last 7 study days, today included). */
  from7: Date;
}

export interface AssignmentRow {
  assignmentId: string;
  deckSlug: string;
  deckTitle: string;
  goal: AssignmentGoalKind;
  dueAt: Date | null;
  createdAt: Date;
  /** Recall goal: predicted recall to reach at `dueAt`, 0–1. */
  targetRecall: number | null;
  /** Best quiz score to reach, percent. */
  quizTarget: number | null;
  /** Live cards in the deck. */
  cards: number;
  /** Cards the client has studied: quiz answers do not introduce a card. */
  introduced: number;
  /**
   * Mean predicted recall at the moment of viewing over the cards the trainer sees a schedule for
   * (studied, or quizzed with consent); null before the deck is started.
   */
  predictedRecall: number | null;
  /** Times cards were forgotten (lapses), summed over those cards. */
  lapses: number;
  /** Cards answered Again in the last 7 study days, today included. */
  forgottenCards7d: number;
  /** Best and latest finished quiz on the deck, percent of questions asked. */
  bestQuiz: number | null;
  lastQuiz: number | null;
  onTrack: OnTrack;
}

/** at-risk when any assignment is at risk or overdue; done when all are done. */
export type ClientStatus = "at-risk" | "on-track" | "done" | "no-assignments";

export interface ClientTotals {
  /** Latest review on an assigned deck. */
  lastActive: Date | null;
  /** Reviews on assigned decks in the last 7 study days, today included. */
  reviews7d: number;
  /** Introduced cards of assigned decks due now. */
  dueNow: number;
  /** Review cards of assigned decks due before the start of the client's current study day. */
  overdueNow: number;
}

interface SettingsColumns extends SettingsRow {
  settingsUserId: string | null;
}

export interface ClientRow extends ClientTotals {
  clientId: string;
  name: string;
  email: string;
  groupId: string | null;
  groupName: string | null;
  shareQuizAnswers: boolean;
  /** The trainer's live assignments to this client, oldest first. */
  assignments: AssignmentRow[];
  status: ClientStatus;
}

/** Which of the trainer's clients: one client, one group's members, or those in no group ("none"). */
export type ClientScope = { clientId: string } | { groupId: string | "none" } | null;

/**
 * The trainer's clients whose link stands (narrowed by `scope`: one client, a group, or no
 * group), with their settings and study-day boundaries at `now`.
 */
export async function activeClients(
  trainerId: string,
  now: Date,
  scope: string | ClientScope = null,
): Promise<ActiveClient[]> {
  const only = typeof scope === "string" ? scope : scope && "clientId" in scope ? scope.clientId : null;
  const group = scope && typeof scope === "object" && "groupId" in scope ? scope.groupId : null;
  const rows = await sql().all<
    SettingsColumns & {
      clientId: string;
      name: string;
      email: string;
      shareQuizAnswers: unknown;
      groupId: string | null;
      groupName: string | null;
    }
  >(
    `SELECT u.id AS clientId, u.name, u.email, tc.shareQuizAnswers, tc.groupId, g.name AS groupName,
       s.userId AS settingsUserId,
       s.desiredRetention, s.newPerDay, s.maxReviewsPerDay, s.maximumInterval, s.learningSteps,
       s.relearningSteps, s.timeZone, s.dayRolloverHour, s.enableFuzz
     FROM "TrainerClient" tc JOIN "User" u ON u.id = tc.clientId
     LEFT JOIN "TrainerGroup" g ON g.id = tc.groupId
     LEFT JOIN "StudySettings" s ON s.userId = tc.clientId
     WHERE tc.trainerId = ? AND tc.endedAt IS NULL AND (CAST(? AS TEXT) IS NULL OR tc.clientId = ?)
       AND (CAST(? AS TEXT) IS NULL OR tc.groupId = ? OR (CAST(? AS TEXT) = 'none' AND tc.groupId IS NULL))`,
    [trainerId, only, only, group, group, group],
  );
  // Most clients share default settings and a handful of time zones: validating settings and
  // working out day boundaries once per distinct value keeps 500 clients to a few milliseconds.
  const settingsByValue = new Map<string, LearnerSettings>();
  const daysByClock = new Map<string, { clock: StudyDayClock; dayStart: Date; from7: Date }>();
  return rows.map((row) => {
    const { clientId, name, email, shareQuizAnswers, groupId, groupName, settingsUserId, ...columns } = row;
    const settingsKey = settingsUserId
      ? JSON.stringify(columns, (_, v) => (typeof v === "bigint" ? Number(v) : v))
      : "";
    let settings = settingsByValue.get(settingsKey);
    if (!settings) {
      settings = toLearnerSettings(settingsUserId ? row : undefined);
      settingsByValue.set(settingsKey, settings);
    }
    const clockKey = `${settings.timeZone}|${settings.dayRolloverHour}`;
    let days = daysByClock.get(clockKey);
    if (!days) {
      const clock = { timeZone: settings.timeZone, dayRolloverHour: settings.dayRolloverHour };
      const today = studyDayKey(now, clock.timeZone, clock.dayRolloverHour);
      const startOf = (key: string) => studyDayStartOfKey(key, clock.timeZone, clock.dayRolloverHour);
      days = { clock, dayStart: startOf(today), from7: startOf(shiftStudyDayKey(today, -6)) };
      daysByClock.set(clockKey, days);
    }
    return {
      clientId,
      name,
      email,
      groupId,
      groupName,
      shareQuizAnswers: isTrue(shareQuizAnswers),
      settings,
      ...days,
    };
  });
}

/**
 * The clients in @scope (a JSON list of [clientId, dayStart, from7]) as rows: the one fragment
 * the two databases spell differently. The bounds are written as SQLite stores dates, which
 * SQLite compares as text; PostgreSQL reads them as UTC timestamps.
 */
const SCOPE_ROWS = {
  sqlite: `SELECT json_extract(value, '$[0]') AS clientId, json_extract(value, '$[1]') AS dayStart,
      json_extract(value, '$[2]') AS from7
    FROM json_each(@scope)`,
  postgresql: `SELECT e.value->>0 AS clientId,
      CAST(e.value->>1 AS timestamptz) AT TIME ZONE 'UTC' AS dayStart,
      CAST(e.value->>2 AS timestamptz) AT TIME ZONE 'UTC' AS from7
    FROM json_array_elements(CAST(@scope AS json)) AS e(value)`,
} as const;

/**
 * `scoped`: the live assignments of this trainer to the clients in @scope whose link stands,
 * with each client's day boundaries. Statements below select FROM it.
 * SQLite cannot size json_each and left alone scans it in the innermost loop (minutes at 200
 * clients); MATERIALIZED and CROSS JOIN, its documented planner controls, keep it outermost.
 * The join conditions sit in WHERE because PostgreSQL takes no ON after CROSS JOIN (SQLite plans
 * them the same either way; PostgreSQL orders inner joins itself).
 */
export const scoped = (db: SqlClient) => `WITH k AS MATERIALIZED (
    ${SCOPE_ROWS[db.dialect]}
  ), scoped AS (
    SELECT a.id, a.clientId, a.deckSlug, k.dayStart, k.from7
    FROM k CROSS JOIN "TrainerClient" tc CROSS JOIN "Assignment" a
    WHERE tc.trainerId = @trainerId AND tc.clientId = k.clientId AND tc.endedAt IS NULL
      AND a.trainerId = @trainerId AND a.clientId = k.clientId AND a.removedAt IS NULL
  )`;

export type ScopeParams = { trainerId: string; scope: string; now: Date };

export const scopeParams = (trainerId: string, clients: readonly ActiveClient[], now: Date): ScopeParams => ({
  trainerId,
  scope: JSON.stringify(clients.map((c) => [c.clientId, sqlDate(c.dayStart), sqlDate(c.from7)])),
  now,
});

const num = (value: number | bigint | null | undefined) => Number(value ?? 0);

/**
 * The study answers of every card state in scope that a hidden quiz answer changed, keyed by
 * `key` (an SQL expression over `scoped a`), replayed into the schedules the trainer sees instead
 * (./consent.ts). Few rows: only cards a non-sharing client has also answered in a quiz.
 */
async function hiddenCards(
  db: SqlClient,
  params: ScopeParams,
  clients: readonly ActiveClient[],
  key: string,
): Promise<StudyOnlyCardView[]> {
  const rows = await db.all<HiddenStudyLogRow>(
    `${scoped(db)}
     , hidden AS (
       SELECT DISTINCT ${key} AS key, q.userId, q.cardId
       FROM scoped a CROSS JOIN "ReviewLog" q CROSS JOIN "Card" c
       WHERE q.userId = a.clientId AND ${hiddenLog("q")} AND c.id = q.cardId
         AND ${cardInDeck("c.id", "dc.deckSlug = a.deckSlug")}
         AND c.retired = FALSE
     )
     SELECT h.key, h.userId, h.cardId, l.rating, l.reviewedAt
     FROM hidden h CROSS JOIN "ReviewLog" l
     WHERE l.userId = h.userId AND l.cardId = h.cardId AND l.origin <> 'quiz'`,
    params,
  );
  if (rows.length === 0) return [];
  const settings = new Map(clients.map((c) => [c.clientId, c.settings]));
  return studyOnlyCards(rows, (userId) => settings.get(userId) ?? toLearnerSettings(undefined));
}

/** Last active, reviews in 7 days, due and overdue on assigned decks: grouped statements for all clients. */
export async function clientTotals(
  trainerId: string,
  clients: readonly ActiveClient[],
  now: Date,
): Promise<Map<string, ClientTotals>> {
  const db = sql();
  const params = scopeParams(trainerId, clients, now);
  const totals = new Map<string, ClientTotals>(
    clients.map((c) => [c.clientId, { lastActive: null, reviews7d: 0, dueNow: 0, overdueNow: 0 }]),
  );
  type StateTotals = {
    clientId: string;
    dueNow: number | bigint | null;
    overdueNow: number | bigint | null;
    lastActive: SqlDateValue | null;
  };
  const [states, reviews, hidden] = await Promise.all([
    // A card in two assigned decks is one card: DISTINCT counts it (and its answers) once.
    // A card's lastReview is its latest answer (undo restores the one before), so MAX over the
    // deck's CardState rows is the latest review without reading the logs. Card states a hidden
    // quiz answer changed are left out here and counted from their study answers below.
    db.all<StateTotals>(
      `${scoped(db)}
       SELECT a.clientId, COUNT(DISTINCT s.cardId) FILTER (WHERE c.retired = FALSE AND s.due <= @now) AS dueNow,
         COUNT(DISTINCT s.cardId) FILTER (WHERE c.retired = FALSE AND s.state = 'review' AND s.due < a.dayStart) AS overdueNow,
         MAX(s.lastReview) AS lastActive
       FROM scoped a CROSS JOIN "DeckCard" m CROSS JOIN "Card" c CROSS JOIN "CardState" s
       WHERE m.deckSlug = a.deckSlug AND c.id = m.cardId AND s.userId = a.clientId AND s.cardId = c.id AND s.state <> 'new'
         AND ${sharedCard("s")} AND ${studyableSql("s", "@now")}
       GROUP BY a.clientId`,
      params,
    ),
    // The planner reads each client's last 7 days on (userId, reviewedAt), then keeps assigned cards.
    db.all<{ clientId: string; reviews7d: number | bigint }>(
      `${scoped(db)}
       SELECT a.clientId, COUNT(DISTINCT l.id) AS reviews7d
       FROM scoped a JOIN "DeckCard" m ON m.deckSlug = a.deckSlug
       JOIN "ReviewLog" l ON l.userId = a.clientId AND l.cardId = m.cardId AND l.reviewedAt >= a.from7 AND l.reviewedAt <= @now
       WHERE ${sharedLog("l")}
       GROUP BY a.clientId`,
      params,
    ),
    hiddenCards(db, params, clients, "a.clientId"),
  ]);
  for (const row of states) {
    const entry = totals.get(row.clientId);
    if (!entry) continue;
    entry.dueNow = num(row.dueNow);
    entry.overdueNow = num(row.overdueNow);
    entry.lastActive = row.lastActive ? parseSqlDate(row.lastActive) : null;
  }
  const byClient = new Map(clients.map((c) => [c.clientId, c]));
  for (const card of hidden) {
    const entry = totals.get(card.key);
    const client = byClient.get(card.key);
    if (!entry || !client) continue;
    const { schedule } = card;
    if (schedule.due <= now) entry.dueNow += 1;
    if (schedule.state === "review" && schedule.due < client.dayStart) entry.overdueNow += 1;
    if (schedule.lastReview && (!entry.lastActive || schedule.lastReview > entry.lastActive))
      entry.lastActive = schedule.lastReview;
  }
  for (const row of reviews) {
    const entry = totals.get(row.clientId);
    if (entry) entry.reviews7d = num(row.reviews7d);
  }
  return totals;
}

/** Questions asked in attempt `q`: the length of its JSON list of item ids (text in both databases). */
export const ITEM_COUNT = {
  sqlite: "json_array_length(q.itemIds)",
  postgresql: "json_array_length(CAST(q.itemIds AS json))",
} as const;

interface AssignmentColumns {
  id: string;
  clientId: string;
  deckSlug: string;
  deckTitle: string;
  goal: string;
  dueAt: SqlDateValue | null;
  createdAt: SqlDateValue;
  targetRecall: number | null;
  quizTarget: number | bigint | null;
  cards: number | bigint;
  suspended: number | bigint;
  best: number | null;
  last: number | null;
}

/**
 * Every live assignment of the clients in scope with its progress and on-track status: one
 * statement for the assignments with deck sizes and quiz scores, one for the schedules the
 * trainer may see (retrievability is computed from them here), one for the schedules a hidden
 * quiz answer changed (replayed from study answers), one for the cards forgotten this week.
 */
export async function assignmentRows(
  trainerId: string,
  clients: readonly ActiveClient[],
  now: Date,
): Promise<Map<string, AssignmentRow[]>> {
  const db = sql();
  const params = scopeParams(trainerId, clients, now);
  const asked = ITEM_COUNT[db.dialect];
  type ScheduleRow = ScheduleColumns & { assignmentId: string; cardId: string };
  const [assignments, rows, hidden, forgotten, quizOnly] = await Promise.all([
    db.all<AssignmentColumns>(
      `${scoped(db)}, quiz AS (
         SELECT a.id, q.score * 100.0 / ${asked} AS percent,
           ROW_NUMBER() OVER (PARTITION BY a.id ORDER BY q.finishedAt DESC) AS recency
         FROM scoped a JOIN "QuizAttempt" q ON q.userId = a.clientId AND q.deckSlug = a.deckSlug
         WHERE q.finishedAt IS NOT NULL AND q.finishedAt <= @now AND q.discardedAt IS NULL
           AND ${asked} > 0
       ), scores AS (
         SELECT id, MAX(percent) AS best, MAX(CASE WHEN recency = 1 THEN percent END) AS last FROM quiz GROUP BY id
       ), sizes AS (
         SELECT m.deckSlug, COUNT(*) AS cards FROM "Card" c ${joinMemberships("c.id")}
         WHERE c.retired = FALSE AND m.deckSlug IN (SELECT deckSlug FROM scoped) GROUP BY m.deckSlug
       )
       SELECT s.id, s.clientId, s.deckSlug, d.title AS deckTitle, a.goal, a.dueAt, a.createdAt, a.targetRecall,
         a.quizTarget, COALESCE(sizes.cards, 0) AS cards, scores.best, scores.last,
         (SELECT COUNT(*) FROM "DeckCard" sm JOIN "Card" sc ON sc.id = sm.cardId
           JOIN "CardState" ss ON ss.cardId = sc.id AND ss.userId = s.clientId
           WHERE sm.deckSlug = s.deckSlug AND sc.retired = FALSE AND ss.suspended = TRUE) AS suspended
       FROM scoped s JOIN "Assignment" a ON a.id = s.id JOIN "Deck" d ON d.slug = s.deckSlug
       LEFT JOIN sizes ON sizes.deckSlug = s.deckSlug LEFT JOIN scores ON scores.id = s.id
       ORDER BY a.createdAt, d.position`,
      params,
    ),
    db.all<ScheduleRow>(
      `${scoped(db)}
       SELECT a.id AS assignmentId, s.cardId, ${SCHEDULE_COLUMNS}
       FROM scoped a CROSS JOIN "DeckCard" m CROSS JOIN "Card" c CROSS JOIN "CardState" s
       WHERE m.deckSlug = a.deckSlug AND c.id = m.cardId AND c.retired = FALSE
         AND s.userId = a.clientId AND s.cardId = c.id AND s.state <> 'new' AND ${sharedCard("s")}
         AND s.suspended = FALSE`,
      params,
    ),
    hiddenCards(db, params, clients, "a.id"),
    db.all<{ assignmentId: string; cards: number | bigint }>(
      `${scoped(db)}
       SELECT a.id AS assignmentId, COUNT(DISTINCT l.cardId) AS cards
       FROM scoped a JOIN "DeckCard" m ON m.deckSlug = a.deckSlug JOIN "Card" c ON c.id = m.cardId AND c.retired = FALSE
       JOIN "ReviewLog" l ON l.userId = a.clientId AND l.cardId = c.id AND l.reviewedAt >= a.from7
         AND l.reviewedAt <= @now AND l.rating = 1
       WHERE ${sharedLog("l")}
       GROUP BY a.id`,
      params,
    ),
    // Cards only a quiz answered: they have a schedule but are not introduced.
    db.all<{ assignmentId: string; cardId: string }>(
      `${scoped(db)}
       SELECT DISTINCT a.id AS assignmentId, l.cardId
       FROM scoped a CROSS JOIN "ReviewLog" l CROSS JOIN "Card" c
       WHERE l.userId = a.clientId AND ${unstudiedQuizLog("l")} AND c.id = l.cardId
         AND ${cardInDeck("c.id", "dc.deckSlug = a.deckSlug")}`,
      params,
    ),
  ]);
  const unstudied = new Set(quizOnly.map((row) => `${row.assignmentId}:${row.cardId}`));
  const schedules = new Map<string, { schedule: CardSchedule; studied: boolean }[]>();
  const add = (assignmentId: string, entry: { schedule: CardSchedule; studied: boolean }) => {
    const group = schedules.get(assignmentId);
    if (group) group.push(entry);
    else schedules.set(assignmentId, [entry]);
  };
  for (const row of rows)
    add(row.assignmentId, {
      schedule: scheduleFromRow(row),
      studied: !unstudied.has(`${row.assignmentId}:${row.cardId}`),
    });
  // Replayed from study answers, so studied by construction.
  for (const card of hidden) add(card.key, { schedule: card.schedule, studied: true });
  const forgottenByAssignment = new Map(forgotten.map((row) => [row.assignmentId, num(row.cards)]));

  const byClient = new Map(clients.map((c) => [c.clientId, c]));
  const result = new Map<string, AssignmentRow[]>(clients.map((c) => [c.clientId, []]));
  for (const row of assignments) {
    const client = byClient.get(row.clientId);
    if (!client) continue;
    // Cards the client suspended count nowhere in their progress.
    const cards = Number(row.cards) - Number(row.suspended);
    const seen = schedules.get(row.id) ?? [];
    const introducedSchedules = seen.map((entry) => entry.schedule);
    const introduced = seen.filter((entry) => entry.studied).length;
    const dueAt = row.dueAt ? parseSqlDate(row.dueAt) : null;
    const createdAt = parseSqlDate(row.createdAt);
    const goal: AssignmentGoalKind = row.goal === "recall" ? "recall" : "all-introduced";
    const quizTarget = row.quizTarget === null ? null : Number(row.quizTarget);
    const recallNow = sumOf(introducedSchedules, recallAt(now, client.settings));
    // The projection looks at the deadline while it is ahead, and at now after it.
    const projectionAt = dueAt && dueAt > now ? dueAt : now;
    const recallThen =
      projectionAt === now ? recallNow : sumOf(introducedSchedules, recallAt(projectionAt, client.settings));
    const assignment = { goal, dueAt, createdAt, targetRecall: row.targetRecall, quizTarget };
    result.get(row.clientId)?.push({
      assignmentId: row.id,
      deckSlug: row.deckSlug,
      deckTitle: row.deckTitle,
      ...assignment,
      cards,
      introduced,
      predictedRecall: introducedSchedules.length ? recallNow / introducedSchedules.length : null,
      lapses: introducedSchedules.reduce((total, schedule) => total + schedule.lapses, 0),
      forgottenCards7d: forgottenByAssignment.get(row.id) ?? 0,
      bestQuiz: row.best,
      lastQuiz: row.last,
      onTrack: onTrack({
        assignment,
        totalCards: cards,
        introduced,
        newPerDay: client.settings.newPerDay,
        // Unintroduced cards count as 0: the sums are divided by the whole deck.
        projectedRecall: cards ? recallThen / cards : 0,
        recallNow: cards ? recallNow / cards : 0,
        bestQuizScore: row.best,
        now,
      }),
    });
  }
  return result;
}

function sumOf(schedules: readonly CardSchedule[], recallOf: (schedule: CardSchedule) => number): number {
  let total = 0;
  for (const schedule of schedules) total += recallOf(schedule);
  return total;
}

export function clientStatus(assignments: readonly AssignmentRow[]): ClientStatus {
  if (assignments.length === 0) return "no-assignments";
  const statuses = assignments.map((a) => a.onTrack.status);
  if (statuses.some((s) => s === "at-risk" || s === "overdue")) return "at-risk";
  return statuses.every((s) => s === "done") ? "done" : "on-track";
}

export function toClientRow(
  client: ActiveClient,
  totals: ClientTotals,
  assignments: AssignmentRow[],
): ClientRow {
  return {
    clientId: client.clientId,
    name: client.name,
    email: client.email,
    groupId: client.groupId,
    groupName: client.groupName,
    shareQuizAnswers: client.shareQuizAnswers,
    lastActive: totals.lastActive,
    reviews7d: totals.reviews7d,
    dueNow: totals.dueNow,
    overdueNow: totals.overdueNow,
    assignments,
    status: clientStatus(assignments),
  };
}

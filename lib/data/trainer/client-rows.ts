import "server-only";
import { type RawBuilder, sql } from "kysely";
import { dialect, query } from "@/lib/query";
import { studyable } from "@/lib/query/card-marks";
import { cardInDeck } from "@/lib/query/deck-membership";
import { isTrue, parseSqlDate, type SqlDateValue, sqlDate } from "@/lib/query/values";
import {
  type CardSchedule,
  type LearnerSettings,
  type StudyDayClock,
  shiftStudyDayKey,
  studyDayKey,
  studyDayStartOfKey,
} from "@/lib/srs";
import { type AssignmentGoalKind, assignmentNewPerDay, type OnTrack, onTrack } from "@/lib/trainer/on-track";
import { recallAt } from "@/lib/trainer/recall";
import { deckLimitsByLearner } from "../deck-presets";
import { SCHEDULE_COLUMNS, scheduleFromRow } from "../schedule-rows";
import { toLearnerSettings } from "../settings";
import { assignmentLive, linkStands } from "./access";
import {
  hiddenLog,
  hiddenStudyLogs,
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
 * Each statement starts from `scoped`, which joins TrainerClient and Assignment under the access
 * rule of ./access.ts, so nothing outside a standing link and a live assignment is ever read, and applies the consent
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
  let statement = query()
    .selectFrom("TrainerClient as tc")
    .innerJoin("User as u", "u.id", "tc.clientId")
    .leftJoin("TrainerGroup as g", "g.id", "tc.groupId")
    .leftJoin("StudySettings as s", "s.userId", "tc.clientId")
    .select([
      "u.id as clientId",
      "u.name",
      "u.email",
      "tc.shareQuizAnswers",
      "tc.groupId",
      "g.name as groupName",
      "s.userId as settingsUserId",
      "s.desiredRetention",
      "s.newPerDay",
      "s.maxReviewsPerDay",
      "s.maximumInterval",
      "s.learningSteps",
      "s.relearningSteps",
      "s.timeZone",
      "s.dayRolloverHour",
      "s.enableFuzz",
    ])
    .where("tc.trainerId", "=", trainerId)
    .where(linkStands("tc"));
  if (only !== null) statement = statement.where("tc.clientId", "=", only);
  if (group === "none") statement = statement.where("tc.groupId", "is", null);
  else if (group !== null) statement = statement.where("tc.groupId", "=", group);
  const rows = await statement.execute();
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
      settings = toLearnerSettings(
        settingsUserId ? (row as Parameters<typeof toLearnerSettings>[0]) : undefined,
      );
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

/** A client in scope with their day boundaries (dates as each database returns them). */
interface ScopeRow {
  clientId: string;
  dayStart: SqlDateValue;
  from7: SqlDateValue;
}

/**
 * The clients in `scope` (a JSON list of [clientId, dayStart, from7]) as rows: the one fragment
 * the two databases spell differently. The bounds are written as SQLite stores dates, which
 * SQLite compares as text; PostgreSQL reads them as UTC timestamps. Parenthesized: Kysely puts
 * a raw common table expression after AS as it is.
 */
function scopeRows(scope: string) {
  return dialect() === "sqlite"
    ? sql<ScopeRow>`(SELECT json_extract(value, '$[0]') AS "clientId", json_extract(value, '$[1]') AS "dayStart",
        json_extract(value, '$[2]') AS "from7" FROM json_each(${scope}))`
    : sql<ScopeRow>`(SELECT e.value->>0 AS "clientId",
        CAST(e.value->>1 AS timestamptz) AT TIME ZONE 'UTC' AS "dayStart",
        CAST(e.value->>2 AS timestamptz) AT TIME ZONE 'UTC' AS "from7"
      FROM json_array_elements(CAST(${scope} AS json)) AS e(value))`;
}

/**
 * A query starting with `scoped`: the live assignments of this trainer to the clients in scope
 * whose link stands (./access.ts), with each client's day boundaries. Statements select FROM it.
 * SQLite cannot size json_each and left alone scans it in the innermost loop (minutes at 200
 * clients); MATERIALIZED and CROSS JOIN, its documented planner controls, keep it outermost.
 * The join conditions sit in WHERE because PostgreSQL takes no ON after CROSS JOIN (SQLite plans
 * them the same either way; PostgreSQL orders inner joins itself).
 */
export function scoped({ trainerId, scope }: ScopeParams) {
  return query()
    .with(
      (cte) => cte("k").materialized(),
      () => scopeRows(scope),
    )
    .with("scoped", (db) =>
      db
        .selectFrom("k")
        .crossJoin("TrainerClient as tc")
        .crossJoin("Assignment as a")
        .select(["a.id", "a.clientId", "a.deckSlug", "k.dayStart", "k.from7"])
        .where("tc.trainerId", "=", trainerId)
        .whereRef("tc.clientId", "=", "k.clientId")
        .where(linkStands("tc"))
        .where("a.trainerId", "=", trainerId)
        .whereRef("a.clientId", "=", "k.clientId")
        .where(assignmentLive("a")),
    );
}

export interface ScopeParams {
  trainerId: string;
  scope: string;
  now: Date;
}

export const scopeParams = (trainerId: string, clients: readonly ActiveClient[], now: Date): ScopeParams => ({
  trainerId,
  scope: JSON.stringify(clients.map((c) => [c.clientId, sqlDate(c.dayStart), sqlDate(c.from7)])),
  now,
});

const num = (value: number | bigint | null | undefined) => Number(value ?? 0);

/**
 * The study answers of every card state in scope that a hidden quiz answer changed, keyed by
 * `key` (the client or the assignment of `scoped a`), replayed into the schedules the trainer
 * sees instead (./consent.ts). Few rows: only cards a non-sharing client has also answered in a quiz.
 */
async function hiddenCards(
  params: ScopeParams,
  clients: readonly ActiveClient[],
  key: "a.clientId" | "a.id",
): Promise<StudyOnlyCardView[]> {
  const withHidden = scoped(params).with("hidden", (db) =>
    db
      .selectFrom("scoped as a")
      .crossJoin("ReviewLog as q")
      .crossJoin("Card as c")
      .select([sql.ref<string>(key).as("key"), "q.userId", "q.cardId"])
      .distinct()
      .whereRef("q.userId", "=", "a.clientId")
      .where(hiddenLog(params.trainerId, "q"))
      .whereRef("c.id", "=", "q.cardId")
      .where(cardInDeck("c.id", sql.ref("a.deckSlug")))
      .where("c.retired", "=", false),
  );
  const rows = await hiddenStudyLogs(withHidden).execute();
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
  const params = scopeParams(trainerId, clients, now);
  const totals = new Map<string, ClientTotals>(
    clients.map((c) => [c.clientId, { lastActive: null, reviews7d: 0, dueNow: 0, overdueNow: 0 }]),
  );
  const [states, reviews, hidden] = await Promise.all([
    // A card in two assigned decks is one card: DISTINCT counts it (and its answers) once.
    // A card's lastReview is its latest answer (undo restores the one before), so MAX over the
    // deck's CardState rows is the latest review without reading the logs. Card states a hidden
    // quiz answer changed are left out here and counted from their study answers below.
    scoped(params)
      .selectFrom("scoped as a")
      .crossJoin("DeckCard as m")
      .crossJoin("Card as c")
      .crossJoin("CardState as s")
      .select((eb) => [
        "a.clientId",
        eb.fn
          .count<number>("s.cardId")
          .distinct()
          .filterWhere((f) => f.and([f("c.retired", "=", false), f("s.due", "<=", now)]))
          .as("dueNow"),
        eb.fn
          .count<number>("s.cardId")
          .distinct()
          .filterWhere((f) =>
            f.and([
              f("c.retired", "=", false),
              f("s.state", "=", "review"),
              f("s.due", "<", f.ref("a.dayStart")),
            ]),
          )
          .as("overdueNow"),
        eb.fn.max("s.lastReview").as("lastActive"),
      ])
      .whereRef("m.deckSlug", "=", "a.deckSlug")
      .whereRef("c.id", "=", "m.cardId")
      .whereRef("s.userId", "=", "a.clientId")
      .whereRef("s.cardId", "=", "c.id")
      .where("s.state", "<>", "new")
      .where(sharedCard(trainerId, "s"))
      .where(studyable("s", now))
      .groupBy("a.clientId")
      .execute(),
    // The planner reads each client's last 7 days on (userId, reviewedAt), then keeps assigned cards.
    scoped(params)
      .selectFrom("scoped as a")
      .innerJoin("DeckCard as m", "m.deckSlug", "a.deckSlug")
      .innerJoin("ReviewLog as l", (join) =>
        join
          .onRef("l.userId", "=", "a.clientId")
          .onRef("l.cardId", "=", "m.cardId")
          .onRef("l.reviewedAt", ">=", "a.from7")
          .on("l.reviewedAt", "<=", now),
      )
      .select((eb) => ["a.clientId", eb.fn.count<number>("l.id").distinct().as("reviews7d")])
      .where(sharedLog(trainerId, "l"))
      .groupBy("a.clientId")
      .execute(),
    hiddenCards(params, clients, "a.clientId"),
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

/** Questions asked in the attempt aliased `attempt`: the length of its JSON list of item ids (text in both databases). */
export function itemCount(attempt: string): RawBuilder<number> {
  const itemIds = sql.ref(`${attempt}.itemIds`);
  return dialect() === "sqlite"
    ? sql<number>`json_array_length(${itemIds})`
    : sql<number>`json_array_length(CAST(${itemIds} AS json))`;
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
  const params = scopeParams(trainerId, clients, now);
  const asked = itemCount("q");
  const [assignments, rows, hidden, forgotten, quizOnly, presetLimits] = await Promise.all([
    scoped(params)
      .with("quiz", (db) =>
        db
          .selectFrom("scoped as a")
          .innerJoin("QuizAttempt as q", (join) =>
            join.onRef("q.userId", "=", "a.clientId").onRef("q.deckSlug", "=", "a.deckSlug"),
          )
          .select([
            "a.id",
            sql<number>`${sql.ref("q.score")} * 100.0 / ${asked}`.as("percent"),
            sql<number>`ROW_NUMBER() OVER (PARTITION BY ${sql.ref("a.id")} ORDER BY ${sql.ref("q.finishedAt")} DESC)`.as(
              "recency",
            ),
          ])
          .where("q.finishedAt", "is not", null)
          .where("q.finishedAt", "<=", now)
          .where("q.discardedAt", "is", null)
          .where(asked, ">", 0),
      )
      .with("scores", (db) =>
        db
          .selectFrom("quiz")
          .select((eb) => [
            "quiz.id",
            eb.fn.max("quiz.percent").as("best"),
            eb.fn.max(eb.case().when("quiz.recency", "=", 1).then(eb.ref("quiz.percent")).end()).as("last"),
          ])
          .groupBy("quiz.id"),
      )
      .with("sizes", (db) =>
        db
          .selectFrom("Card as c")
          .innerJoin("DeckCard as m", "m.cardId", "c.id")
          .select((eb) => ["m.deckSlug", eb.fn.countAll<number>().as("cards")])
          .where("c.retired", "=", false)
          .where("m.deckSlug", "in", db.selectFrom("scoped").select("scoped.deckSlug"))
          .groupBy("m.deckSlug"),
      )
      .selectFrom("scoped as s")
      .innerJoin("Assignment as a", "a.id", "s.id")
      .innerJoin("Deck as d", "d.slug", "s.deckSlug")
      .leftJoin("sizes", "sizes.deckSlug", "s.deckSlug")
      .leftJoin("scores", "scores.id", "s.id")
      .select((eb) => [
        "s.id",
        "s.clientId",
        "s.deckSlug",
        "d.title as deckTitle",
        "a.goal",
        "a.dueAt",
        "a.createdAt",
        "a.targetRecall",
        "a.quizTarget",
        eb.fn.coalesce("sizes.cards", sql.lit(0)).as("cards"),
        "scores.best",
        "scores.last",
        eb
          .selectFrom("DeckCard as sm")
          .innerJoin("Card as sc", "sc.id", "sm.cardId")
          .innerJoin("CardState as ss", (join) =>
            join.onRef("ss.cardId", "=", "sc.id").onRef("ss.userId", "=", "s.clientId"),
          )
          .select((count) => count.fn.countAll<number>().as("n"))
          .whereRef("sm.deckSlug", "=", "s.deckSlug")
          .where("sc.retired", "=", false)
          .where("ss.suspended", "=", true)
          .as("suspended"),
      ])
      .orderBy("a.createdAt")
      .orderBy("d.position")
      .execute(),
    scoped(params)
      .selectFrom("scoped as a")
      .crossJoin("DeckCard as m")
      .crossJoin("Card as c")
      .crossJoin("CardState as s")
      .select(["a.id as assignmentId", "s.cardId", ...SCHEDULE_COLUMNS])
      .whereRef("m.deckSlug", "=", "a.deckSlug")
      .whereRef("c.id", "=", "m.cardId")
      .where("c.retired", "=", false)
      .whereRef("s.userId", "=", "a.clientId")
      .whereRef("s.cardId", "=", "c.id")
      .where("s.state", "<>", "new")
      .where(sharedCard(trainerId, "s"))
      .where("s.suspended", "=", false)
      .execute(),
    hiddenCards(params, clients, "a.id"),
    scoped(params)
      .selectFrom("scoped as a")
      .innerJoin("DeckCard as m", "m.deckSlug", "a.deckSlug")
      .innerJoin("Card as c", (join) => join.onRef("c.id", "=", "m.cardId").on("c.retired", "=", false))
      .innerJoin("ReviewLog as l", (join) =>
        join
          .onRef("l.userId", "=", "a.clientId")
          .onRef("l.cardId", "=", "c.id")
          .onRef("l.reviewedAt", ">=", "a.from7")
          .on("l.reviewedAt", "<=", now)
          .on("l.rating", "=", 1),
      )
      .select((eb) => ["a.id as assignmentId", eb.fn.count<number>("l.cardId").distinct().as("cards")])
      .where(sharedLog(trainerId, "l"))
      .groupBy("a.id")
      .execute(),
    // Cards only a quiz answered: they have a schedule but are not introduced.
    scoped(params)
      .selectFrom("scoped as a")
      .crossJoin("ReviewLog as l")
      .crossJoin("Card as c")
      .select(["a.id as assignmentId", "l.cardId"])
      .distinct()
      .whereRef("l.userId", "=", "a.clientId")
      .where(unstudiedQuizLog("l"))
      .whereRef("c.id", "=", "l.cardId")
      .where(cardInDeck("c.id", sql.ref("a.deckSlug")))
      .execute(),
    // A deck's preset paces its new cards, never above the learner's all-decks limit.
    deckLimitsByLearner(clients.map((c) => c.clientId)),
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
    const best = row.best === null ? null : Number(row.best);
    const last = row.last === null ? null : Number(row.last);
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
      bestQuiz: best,
      lastQuiz: last,
      onTrack: onTrack({
        assignment,
        totalCards: cards,
        introduced,
        newPerDay: assignmentNewPerDay(client.settings, presetLimits.get(row.clientId)?.get(row.deckSlug)),
        // Unintroduced cards count as 0: the sums are divided by the whole deck.
        projectedRecall: cards ? recallThen / cards : 0,
        recallNow: cards ? recallNow / cards : 0,
        bestQuizScore: best,
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

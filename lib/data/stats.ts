import "server-only";
import { type Expression, sql } from "kysely";
import { z } from "zod";
import { dialect, query as queryBuilder } from "@/lib/query";
import { isStudyable } from "@/lib/query/card-marks";
import { cardInDeck } from "@/lib/query/deck-membership";
import { isTrue, parseSqlDate, type SqlDateValue } from "@/lib/query/values";
import {
  type CardSchedule,
  type DayCount,
  dueForecast,
  type LearnerSettings,
  meanRetrievability,
  nextStudyDayStart,
  type Retention,
  retrievabilityAt,
  type SrsState,
  type StudyDayClock,
  shiftStudyDayKey,
  studyDayKey,
  studyDayStartOfKey,
} from "@/lib/srs";
import { cardFrontLine } from "@/lib/trainer/card-front";
import { visibleDeck } from "./deck-access";
import { loadLearnerSettings, SCHEDULE_COLUMNS, scheduleFromRow } from "./schedule-rows";

const HEATMAP_DAYS = 365;
const FORECAST_DAYS = 30;

/**
 * Introduced cards of live decks (narrowed to those `deck` teaches, if given): what the queue, the
 * forecast and the recall figures all count.
 */
function introducedCards(userId: string, deck: string | null) {
  const cards = queryBuilder()
    .selectFrom("CardState as s")
    .innerJoin("Card as c", "c.id", "s.cardId")
    .innerJoin("Deck as d", "d.slug", "c.deckSlug")
    .where("s.userId", "=", userId)
    .where("s.state", "<>", "new")
    .where("c.retired", "=", false)
    .where("d.retired", "=", false);
  return deck === null ? cards : cards.where(cardInDeck("c.id", deck));
}

export interface DeckSchedule {
  cardId: string;
  /** The card's home deck. */
  deckSlug: string;
  /** Every live deck the learner sees that teaches the card (DeckCard): per-deck figures count it in each. */
  decks: string[];
  schedule: CardSchedule;
  /** The learner's marks (lib/query/card-marks): a suspended or buried card is in no due count. */
  suspended: boolean;
  buriedUntil: Date | null;
}

/**
 * Every introduced card's schedule, once per card, in one streamed query (20,000 rows parse in a
 * few tens of ms); a card in several decks comes as one row per deck, ordered by card, and is folded.
 */
export async function introducedSchedules(userId: string): Promise<DeckSchedule[]> {
  const rows = await queryBuilder()
    .selectFrom("CardState as s")
    .innerJoin("Card as c", "c.id", "s.cardId")
    .innerJoin("DeckCard as m", "m.cardId", "c.id")
    .innerJoin("Deck as d", "d.slug", "m.deckSlug")
    .select([
      "s.cardId",
      "c.deckSlug",
      "m.deckSlug as inDeck",
      ...SCHEDULE_COLUMNS,
      "s.suspended",
      "s.buriedUntil",
    ])
    .where("s.userId", "=", userId)
    .where("s.state", "<>", "new")
    .where("c.retired", "=", false)
    .where("d.retired", "=", false)
    .where(visibleDeck("d", userId))
    .orderBy("s.cardId")
    .execute();
  const result: DeckSchedule[] = [];
  for (const row of rows) {
    const last = result[result.length - 1];
    if (last?.cardId === row.cardId) last.decks.push(row.inDeck);
    else
      result.push({
        cardId: row.cardId,
        deckSlug: row.deckSlug,
        decks: [row.inDeck],
        schedule: scheduleFromRow(row),
        suspended: isTrue(row.suspended),
        buriedUntil: row.buriedUntil ? parseSqlDate(row.buriedUntil) : null,
      });
  }
  return result;
}

/** Mean predicted recall now of each deck's introduced cards (decks without any are absent). */
export function predictedRecallByDeck(
  schedules: readonly DeckSchedule[],
  now: Date,
  settings: LearnerSettings,
): Map<string, number | null> {
  const byDeck = new Map<string, CardSchedule[]>();
  for (const { decks, schedule } of schedules) {
    for (const deckSlug of decks) {
      const group = byDeck.get(deckSlug);
      if (group) group.push(schedule);
      else byDeck.set(deckSlug, [schedule]);
    }
  }
  return new Map(
    [...byDeck].map(([slug, group]) => [slug, meanRetrievability(group, now, settings)] as const),
  );
}

/** Study days `firstKey` onwards with their [start, end), for SQL range counts. */
export function studyDayWindows(
  firstKey: string,
  days: number,
  clock: StudyDayClock,
): [string, Date, Date][] {
  const keys = Array.from({ length: days + 1 }, (_, i) => shiftStudyDayKey(firstKey, i));
  const starts = keys.map((key) => studyDayStartOfKey(key, clock.timeZone, clock.dayRolloverHour));
  return keys.slice(0, days).map((key, i) => [key, starts[i] as Date, starts[i + 1] as Date]);
}

/**
 * The windows as a `VALUES` list, for a CTE `w(day, dayStart, dayEnd)`:
 * `.with("w(day, dayStart, dayEnd)", () => windowRows(windows))`. PostgreSQL types a bare
 * parameter in VALUES as text, so the bounds are cast to timestamps there.
 */
export function windowRows(windows: [string, Date, Date][]) {
  const bound = (date: Date) => (dialect() === "postgresql" ? sql`CAST(${date} AS timestamp)` : sql`${date}`);
  return sql<{ day: string; dayStart: SqlDateValue; dayEnd: SqlDateValue }>`(VALUES ${sql.join(
    windows.map(([day, start, end]) => sql`(${day}, ${bound(start)}, ${bound(end)})`),
  )})`;
}

/**
 * Reviews per study day, counted in SQL: one index range count on (userId, reviewedAt) per day, so
 * 200,000 logs are never sent to JS. Day boundaries come from lib/srs, so DST and rollover hours match.
 */
async function reviewsPerStudyDay(userId: string, windows: [string, Date, Date][]) {
  const rows = await queryBuilder()
    .with("w(day, dayStart, dayEnd)", () => windowRows(windows))
    .selectFrom("w")
    .select((eb) => [
      "w.day",
      eb
        .selectFrom("ReviewLog as l")
        .select((count) => count.fn.countAll<number>().as("n"))
        .where("l.userId", "=", userId)
        .whereRef("l.reviewedAt", ">=", "w.dayStart")
        .whereRef("l.reviewedAt", "<", "w.dayEnd")
        .as("count"),
    ])
    .orderBy("w.day")
    .execute();
  return rows.map((row) => ({ day: row.day, count: Number(row.count ?? 0) }));
}

const retention = (answered: number, recalled: number): Retention => ({
  answered,
  recalled,
  rate: answered === 0 ? null : recalled / answered,
});

/** Consecutive study days with a review, ending today (or yesterday, while today is still open). */
function currentStreak(days: readonly DayCount[]): number {
  let end = days.length - 1;
  if (days[end]?.count === 0) end -= 1;
  let streak = 0;
  for (let i = end; i >= 0 && (days[i]?.count ?? 0) > 0; i -= 1) streak += 1;
  return streak;
}

export interface DeckRecall {
  slug: string;
  title: string;
  cards: number;
  introduced: number;
  /** Mean probability of recall now of the introduced cards; null before the deck is started. */
  predictedRecall: number | null;
}

export interface LearnerStats {
  /** Today's study day key ("YYYY-MM-DD" in the learner's time zone). */
  today: string;
  clock: StudyDayClock;
  /** Reviews on each of the last 365 study days, oldest first, today last. */
  heatmap: DayCount[];
  /** True retention over the last 7 and 30 study days (today included): review-state answers not rated Again. */
  retention: { last7: Retention; last30: Retention };
  /** Cards falling due on each of the next 30 study days; overdue cards count today. */
  forecast: DayCount[];
  decks: DeckRecall[];
  totals: {
    introduced: number;
    reviewsAllTime: number;
    reviewsToday: number;
    activeDays: number;
    /** Consecutive study days with reviews, counted within the heatmap's 365 days. */
    streak: number;
    predictedRecall: number | null;
  };
}

export async function getLearnerStats(userId: string, now: Date): Promise<LearnerStats> {
  const db = queryBuilder();
  const settings = await loadLearnerSettings(db, userId);
  const clock = { timeZone: settings.timeZone, dayRolloverHour: settings.dayRolloverHour };
  const today = studyDayKey(now, clock.timeZone, clock.dayRolloverHour);
  const endOfToday = nextStudyDayStart(now, clock.timeZone, clock.dayRolloverHour);
  const startOf = (daysAgo: number) =>
    studyDayStartOfKey(shiftStudyDayKey(today, -daysAgo), clock.timeZone, clock.dayRolloverHour);

  const heatmap = await reviewsPerStudyDay(
    userId,
    studyDayWindows(shiftStudyDayKey(today, 1 - HEATMAP_DAYS), HEATMAP_DAYS, clock),
  );

  const from7 = startOf(6);
  const answers = await db
    .selectFrom("ReviewLog")
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere("reviewedAt", ">=", from7).as("answered7"),
      eb.fn
        .countAll<number>()
        .filterWhere((f) => f.and([f("reviewedAt", ">=", from7), f("rating", "<>", 1)]))
        .as("recalled7"),
      eb.fn.countAll<number>().as("answered30"),
      eb.fn.countAll<number>().filterWhere("rating", "<>", 1).as("recalled30"),
    ])
    .where("userId", "=", userId)
    .where("stateBefore", "=", "review")
    .where("reviewedAt", ">=", startOf(29))
    .where("reviewedAt", "<", endOfToday)
    .executeTakeFirst();
  const reviewsAllTime = await db
    .selectFrom("ReviewLog")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("userId", "=", userId)
    .executeTakeFirst();

  const schedules = await introducedSchedules(userId);
  const recall = predictedRecallByDeck(schedules, now, settings);
  const introducedByDeck = new Map<string, number>();
  for (const { decks } of schedules)
    for (const deckSlug of decks) introducedByDeck.set(deckSlug, (introducedByDeck.get(deckSlug) ?? 0) + 1);
  const deckRows = await db
    .selectFrom("Deck as d")
    .leftJoin("DeckCard as m", "m.deckSlug", "d.slug")
    .leftJoin("Card as c", (join) => join.onRef("c.id", "=", "m.cardId").on("c.retired", "=", false))
    .select((eb) => ["d.slug", "d.title", eb.fn.count<number>("c.id").as("cards")])
    .where("d.retired", "=", false)
    .where(visibleDeck("d", userId))
    .groupBy("d.slug")
    .orderBy("d.position")
    .execute();
  const decks = deckRows.map((deck) => ({
    slug: deck.slug,
    title: deck.title,
    cards: Number(deck.cards),
    introduced: introducedByDeck.get(deck.slug) ?? 0,
    predictedRecall: recall.get(deck.slug) ?? null,
  }));

  // The forecast counts only what the queue would show: suspended and buried cards are left out.
  const allSchedules = schedules.filter((entry) => isStudyable(entry, now)).map((entry) => entry.schedule);
  return {
    today,
    clock,
    heatmap,
    retention: {
      last7: retention(Number(answers?.answered7 ?? 0), Number(answers?.recalled7 ?? 0)),
      last30: retention(Number(answers?.answered30 ?? 0), Number(answers?.recalled30 ?? 0)),
    },
    forecast: dueForecast(allSchedules, now, clock, FORECAST_DAYS),
    decks,
    totals: {
      introduced: schedules.length,
      reviewsAllTime: Number(reviewsAllTime?.count ?? 0),
      reviewsToday: heatmap.at(-1)?.count ?? 0,
      activeDays: heatmap.filter((day) => day.count > 0).length,
      streak: currentStreak(heatmap),
      predictedRecall: meanRetrievability(allSchedules, now, settings),
    },
  };
}

// --- Card table -------------------------------------------------------------------------------

export const CARD_TABLE_COLUMNS = [
  "front",
  "deck",
  "state",
  "due",
  "stability",
  "difficulty",
  "retrievability",
  "lapses",
  "reps",
] as const;
export type CardTableSort = (typeof CARD_TABLE_COLUMNS)[number];
export type SortDirection = "asc" | "desc";
export const CARD_TABLE_PAGE_SIZE = 50;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** The table's URL parameters; anything unreadable falls back to the default (due date, ascending). */
export const cardTableQuerySchema = z.object({
  sort: z.preprocess(first, z.enum(CARD_TABLE_COLUMNS)).catch("due"),
  direction: z.preprocess(first, z.enum(["asc", "desc"])).catch("asc"),
  deck: z.preprocess(first, z.string().min(1).max(200).optional()).catch(undefined),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000)).catch(1),
});
export type CardTableQuery = z.infer<typeof cardTableQuerySchema>;

// The sort columns' ORDER BY expressions; retrievability is computed in JS (it needs ts-fsrs).
const ORDER_BY: Record<Exclude<CardTableSort, "retrievability">, Expression<unknown>> = {
  front: sql`lower(${sql.ref("c.front")})`,
  deck: sql`lower(${sql.ref("d.title")})`,
  state: sql`CASE ${sql.ref("s.state")} WHEN 'learning' THEN 0 WHEN 'relearning' THEN 1 ELSE 2 END`,
  due: sql.ref("s.due"),
  stability: sql.ref("s.stability"),
  difficulty: sql.ref("s.difficulty"),
  lapses: sql.ref("s.lapses"),
  reps: sql.ref("s.reps"),
};

export interface CardTableRow {
  cardId: string;
  /** The front as plain text, cloze answers hidden, cut to about 80 characters. */
  front: string;
  deckSlug: string;
  deckTitle: string;
  state: SrsState;
  due: Date;
  stability: number;
  difficulty: number;
  retrievability: number;
  lapses: number;
  reps: number;
}

export interface CardTable {
  rows: CardTableRow[];
  total: number;
  page: number;
  pageCount: number;
  sort: CardTableSort;
  direction: SortDirection;
  /** The deck filter in effect (an unknown slug is ignored). */
  deck: string | null;
  decks: { slug: string; title: string }[];
  clock: StudyDayClock;
}

/** A table row's columns over introducedCards (the front cut to what a line can show). */
const TABLE_COLUMNS = [
  "s.cardId",
  sql<string>`substr(${sql.ref("c.front")}, 1, 400)`.as("front"),
  "c.deckSlug",
  "d.title as deckTitle",
  ...SCHEDULE_COLUMNS,
] as const;

/**
 * One page of the learner's introduced cards. Sorting by a stored column is an indexed
 * ORDER BY ... LIMIT 50; sorting by retrievability reads every introduced schedule (no text),
 * ranks them in JS and then loads the text of the 50 on the page.
 */
export async function getCardTable(userId: string, now: Date, query: CardTableQuery): Promise<CardTable> {
  const db = queryBuilder();
  const settings = await loadLearnerSettings(db, userId);
  const recallOf = retrievabilityAt(now, settings);
  const decks = await db
    .selectFrom("Deck as d")
    .select(["d.slug", "d.title"])
    .where("d.retired", "=", false)
    .where(visibleDeck("d", userId))
    .orderBy("d.position")
    .execute();
  const deck = query.deck && decks.some((d) => d.slug === query.deck) ? query.deck : null;
  const total = Number(
    (
      await introducedCards(userId, deck)
        .select((eb) => eb.fn.countAll<number>().as("total"))
        .executeTakeFirst()
    )?.total ?? 0,
  );
  const pageCount = Math.max(1, Math.ceil(total / CARD_TABLE_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const offset = (page - 1) * CARD_TABLE_PAGE_SIZE;
  const direction = query.direction === "desc" ? "desc" : "asc";

  const byRecall = async () => {
    const ranked = (
      await introducedCards(userId, deck)
        .select(["s.cardId", ...SCHEDULE_COLUMNS])
        .orderBy("d.position")
        .orderBy("c.position")
        .execute()
    ).map((row) => ({ cardId: row.cardId, recall: recallOf(scheduleFromRow(row)) }));
    const sign = direction === "desc" ? -1 : 1;
    // Array#sort is stable, so equal recalls keep deck and card order.
    ranked.sort((a, b) => sign * (a.recall - b.recall));
    const ids = ranked.slice(offset, offset + CARD_TABLE_PAGE_SIZE).map((entry) => entry.cardId);
    const pageRows = ids.length
      ? await db
          .selectFrom("CardState as s")
          .innerJoin("Card as c", "c.id", "s.cardId")
          .innerJoin("Deck as d", "d.slug", "c.deckSlug")
          .select(TABLE_COLUMNS)
          .where("s.userId", "=", userId)
          .where("s.cardId", "in", ids)
          .execute()
      : [];
    const byId = new Map(pageRows.map((row) => [row.cardId, row] as const));
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
  const rows =
    query.sort === "retrievability"
      ? await byRecall()
      : await introducedCards(userId, deck)
          .select(TABLE_COLUMNS)
          .orderBy(ORDER_BY[query.sort], direction)
          .orderBy("d.position")
          .orderBy("c.position")
          .limit(CARD_TABLE_PAGE_SIZE)
          .offset(offset)
          .execute();

  return {
    rows: rows.map((row) => {
      const schedule = scheduleFromRow(row);
      return {
        cardId: row.cardId,
        front: cardFrontLine(row.front, 80),
        deckSlug: row.deckSlug,
        deckTitle: row.deckTitle,
        state: schedule.state,
        due: schedule.due,
        stability: schedule.stability,
        difficulty: schedule.difficulty,
        retrievability: recallOf(schedule),
        lapses: schedule.lapses,
        reps: schedule.reps,
      };
    }),
    total,
    page,
    pageCount,
    sort: query.sort,
    direction: query.direction,
    deck,
    decks,
    clock: { timeZone: settings.timeZone, dayRolloverHour: settings.dayRolloverHour },
  };
}

import "server-only";
import { type Expression, expressionBuilder, type SqlBool, sql } from "kysely";
import { NotFoundError } from "@/lib/errors";
import { type DB, query } from "@/lib/query";
import { cardInDecks } from "@/lib/query/deck-membership";
import { parseSqlDate } from "@/lib/query/values";
import {
  type CardSchedule,
  type DayCount,
  nextStudyDayStart,
  type Retention,
  type SrsState,
  type StudyDayClock,
  shiftStudyDayKey,
  studyDayKey,
  studyDayStartOfKey,
} from "@/lib/srs";
import { cardFrontLine } from "@/lib/trainer/card-front";
import { recallAt } from "@/lib/trainer/recall";
import { type WrongPick, wrongPicksFromJson } from "@/lib/trainer/wrong-picks";
import { SCHEDULE_COLUMNS, scheduleFromRow } from "../schedule-rows";
import { studyDayWindows, windowRows } from "../stats";
import { requireClientAccess } from "./access";
import {
  type ActiveClient,
  activeClients,
  assignmentRows,
  type ClientRow,
  clientTotals,
  toClientRow,
} from "./client-rows";
import {
  hiddenLog,
  hiddenStudyLogs,
  type StudyOnlyCardView,
  sharedCard,
  sharedLog,
  sharesQuizAnswers,
  studyOnlyCards,
} from "./consent";

const HEATMAP_DAYS = 365;
const WEAKEST_CARDS = 10;
const QUIZ_MISSES = 50;
const WEEK_MS = 7 * 86_400_000;

export interface IntroducedByWeek {
  /** The week runs from `weekStart` (the assignment's creation time plus whole weeks) for 7 days. */
  weekStart: Date;
  /** Cards studied for the first time in this week (a quiz answer does not introduce a card). */
  introduced: number;
  /** Cards introduced by the end of this week (or now), earlier ones included. */
  total: number;
}

export interface AssignmentProgressOverTime {
  assignmentId: string;
  deckSlug: string;
  deckTitle: string;
  cards: number;
  /** Cards already introduced when the assignment was made. */
  introducedBefore: number;
  weeks: IntroducedByWeek[];
}

export interface WeakCard {
  cardId: string;
  deckSlug: string;
  front: string;
  state: SrsState;
  /** Probability of recall at the moment of viewing (lib/trainer/recall). */
  retrievability: number;
  lapses: number;
  reps: number;
  due: Date;
  /** Answers rated Again in the last 7 study days, and the latest of them. */
  again7d: number;
  lastAgainAt: Date | null;
}

export interface QuizMiss {
  itemId: string;
  deckSlug: string;
  deckTitle: string;
  prompt: string;
  answeredAt: Date;
  /** The wrong option chosen (one per wrongly matched pair for a matching question). */
  picks: WrongPick[];
}

export interface ClientDetail {
  client: ClientRow;
  /** Today's study day key and the client's clock; the heatmap's days are the client's study days. */
  today: string;
  clock: StudyDayClock;
  /** Reviews on assigned decks on each of the last 365 study days, oldest first. */
  heatmap: DayCount[];
  /** True retention on assigned decks over the last 7 and 30 study days. */
  retention: { last7: Retention; last30: Retention };
  progress: AssignmentProgressOverTime[];
  /**
   * Introduced cards of assigned decks the client struggles with: most Again answers in the last
   * 7 study days, then most lapses, then the lowest predicted recall now.
   */
  weakestCards: WeakCard[];
  quizAnswersShared: boolean;
  /** The latest wrong quiz answers on assigned decks; null when the client does not share quiz answers. */
  quizMisses: QuizMiss[] | null;
}

/** A client's progress on the decks this trainer assigned. NotFoundError unless their link stands. */
export async function getClientDetail(trainerId: string, clientId: string, now: Date): Promise<ClientDetail> {
  const access = await requireClientAccess(trainerId, clientId);
  const [client] = await activeClients(trainerId, now, clientId);
  if (!client) throw new NotFoundError("This client is not linked to you.");
  const decks = access.deckSlugs;
  const today = studyDayKey(now, client.clock.timeZone, client.clock.dayRolloverHour);
  const shared = access.shareQuizAnswers;
  const loaded = assignmentRows(trainerId, [client], now).then((byClient) => byClient.get(clientId) ?? []);
  const scope: DetailScope = { trainerId, client, decks };
  const hidden = hiddenCardsOf(scope);
  const [totals, assignments, progress, days, recall, weakest, misses] = await Promise.all([
    clientTotals(trainerId, [client], now).then((byClient) => byClient.get(clientId)),
    loaded,
    loaded.then((list) => progressByWeek(clientId, decks, list, now)),
    heatmap(scope, today),
    hidden.then((cards) => retention(scope, cards, today, now)),
    hidden.then((cards) => weakestCards(scope, cards, today, now)),
    shared ? quizMisses(scope, now) : null,
  ]);
  if (!totals) throw new NotFoundError("This client is not linked to you.");
  return {
    client: toClientRow(client, totals, assignments),
    today,
    clock: client.clock,
    heatmap: days,
    retention: recall,
    progress,
    weakestCards: weakest,
    quizAnswersShared: shared,
    quizMisses: misses,
  };
}

const dayStart = (clock: StudyDayClock, key: string) =>
  studyDayStartOfKey(key, clock.timeZone, clock.dayRolloverHour);

/** `column IN (...)` over the assigned decks; false for a client with no deck assigned. */
function inDecks(column: string, decks: readonly string[]): Expression<SqlBool> {
  const eb = expressionBuilder<DB, never>();
  return decks.length ? eb(sql.ref<string>(column), "in", decks) : sql<SqlBool>`1 = 0`;
}

/** The card `c`'s deck as the trainer knows it: the first assigned deck that teaches it (its home deck may not be one). */
function assignedDeckOf(decks: readonly string[]) {
  const eb = expressionBuilder<DB, never>();
  return eb
    .selectFrom("DeckCard as dc")
    .select((min) => min.fn.min("dc.deckSlug").as("slug"))
    .where("dc.cardId", "=", sql.ref<string>("c.id"))
    .where(inDecks("dc.deckSlug", decks));
}

/** What the detail's statements share: the client, the decks this trainer assigned, and who asks. */
interface DetailScope {
  trainerId: string;
  client: ActiveClient;
  decks: readonly string[];
}

/**
 * The client's cards on the assigned decks that a quiz answer hidden from this trainer changed,
 * as their study answers alone make them (./consent.ts); keyed by deck.
 */
async function hiddenCardsOf({ trainerId, client, decks }: DetailScope): Promise<StudyOnlyCardView[]> {
  // One row per card (its answers are counted once), keyed by an assigned deck that teaches it.
  const withHidden = query().with("hidden", (db) =>
    db
      .selectFrom("ReviewLog as q")
      .innerJoin("Card as c", "c.id", "q.cardId")
      .select([assignedDeckOf(decks).as("key"), "q.userId", "q.cardId"])
      .distinct()
      .where("q.userId", "=", client.clientId)
      .where(hiddenLog(trainerId, "q"))
      .where("c.retired", "=", false)
      .where(cardInDecks("c.id", decks)),
  );
  const rows = await hiddenStudyLogs(withHidden).execute();
  return rows.length ? studyOnlyCards(rows, () => client.settings) : [];
}

/** Reviews per study day, counted in SQL as one index range per day (as lib/data/stats.ts does). */
async function heatmap({ trainerId, client, decks }: DetailScope, today: string): Promise<DayCount[]> {
  const windows = studyDayWindows(shiftStudyDayKey(today, 1 - HEATMAP_DAYS), HEATMAP_DAYS, client.clock);
  const rows = await query()
    .with("w(day, dayStart, dayEnd)", () => windowRows(windows))
    .selectFrom("w")
    .select((eb) => [
      "w.day",
      eb
        .selectFrom("ReviewLog as l")
        .innerJoin("Card as c", "c.id", "l.cardId")
        .select((count) => count.fn.countAll<number>().as("n"))
        .where("l.userId", "=", client.clientId)
        .whereRef("l.reviewedAt", ">=", "w.dayStart")
        .whereRef("l.reviewedAt", "<", "w.dayEnd")
        .where(cardInDecks("c.id", decks))
        .where(sharedLog(trainerId, "l"))
        .as("count"),
    ])
    .orderBy("w.day")
    .execute();
  return rows.map((row) => ({ day: row.day, count: Number(row.count ?? 0) }));
}

const rate = (answered: number, recalled: number): Retention => ({
  answered,
  recalled,
  rate: answered === 0 ? null : recalled / answered,
});

/**
 * Answers given in the review state, over the last 7 and 30 study days. A card a hidden quiz
 * answer changed is counted from its replayed study answers: its logs' stored `stateBefore`
 * would tell that a quiz moved it.
 */
async function retention(
  { trainerId, client, decks }: DetailScope,
  hidden: readonly StudyOnlyCardView[],
  today: string,
  now: Date,
): Promise<{ last7: Retention; last30: Retention }> {
  const from7 = dayStart(client.clock, shiftStudyDayKey(today, -6));
  const from30 = dayStart(client.clock, shiftStudyDayKey(today, -29));
  const to = nextStudyDayStart(now, client.clock.timeZone, client.clock.dayRolloverHour);
  const row = await query()
    .selectFrom("ReviewLog as l")
    .innerJoin("Card as c", "c.id", "l.cardId")
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere("l.reviewedAt", ">=", from7).as("answered7"),
      eb.fn
        .countAll<number>()
        .filterWhere((f) => f.and([f("l.reviewedAt", ">=", from7), f("l.rating", "<>", 1)]))
        .as("recalled7"),
      eb.fn.countAll<number>().as("answered30"),
      eb.fn.countAll<number>().filterWhere("l.rating", "<>", 1).as("recalled30"),
    ])
    .where("l.userId", "=", client.clientId)
    .where("l.stateBefore", "=", "review")
    .where("l.reviewedAt", ">=", from30)
    .where("l.reviewedAt", "<", to)
    .where(cardInDecks("c.id", decks))
    .where(sharedCard(trainerId, "l"))
    .executeTakeFirst();
  const counts = {
    answered7: Number(row?.answered7 ?? 0),
    recalled7: Number(row?.recalled7 ?? 0),
    answered30: Number(row?.answered30 ?? 0),
    recalled30: Number(row?.recalled30 ?? 0),
  };
  for (const card of hidden) {
    for (const answer of card.answers) {
      if (answer.stateBefore !== "review" || answer.reviewedAt < from30 || answer.reviewedAt >= to) continue;
      const recalled = answer.rating !== 1 ? 1 : 0;
      counts.answered30 += 1;
      counts.recalled30 += recalled;
      if (answer.reviewedAt >= from7) {
        counts.answered7 += 1;
        counts.recalled7 += recalled;
      }
    }
  }
  return {
    last7: rate(counts.answered7, counts.recalled7),
    last30: rate(counts.answered30, counts.recalled30),
  };
}

/**
 * Cards introduced per week of each assignment, from each live card's first study answer in
 * ReviewLog: a quiz answer does not introduce a card (study answers are always shared).
 */
async function progressByWeek(
  clientId: string,
  decks: readonly string[],
  assignments: ClientRow["assignments"],
  now: Date,
): Promise<AssignmentProgressOverTime[]> {
  const firstAnswers = new Map<string, number[]>();
  const rows = await query()
    .selectFrom("ReviewLog as l")
    .innerJoin("Card as c", "c.id", "l.cardId")
    .innerJoin("DeckCard as m", "m.cardId", "c.id")
    .select((eb) => ["m.deckSlug", eb.fn.min("l.reviewedAt").as("firstAt")])
    .where("l.userId", "=", clientId)
    .where("l.origin", "=", "study")
    .where("l.reviewedAt", "<=", now)
    .where("c.retired", "=", false)
    .where(inDecks("m.deckSlug", decks))
    .groupBy(["l.cardId", "m.deckSlug"])
    .execute();
  for (const row of rows) {
    const list = firstAnswers.get(row.deckSlug) ?? [];
    list.push(parseSqlDate(row.firstAt).getTime());
    firstAnswers.set(row.deckSlug, list);
  }
  return assignments.map((a) => {
    const times = firstAnswers.get(a.deckSlug) ?? [];
    const start = a.createdAt.getTime();
    const weekCount = Math.max(1, Math.floor((now.getTime() - start) / WEEK_MS) + 1);
    const perWeek = new Array<number>(weekCount).fill(0);
    let before = 0;
    for (const at of times) {
      if (at < start) before += 1;
      else {
        const week = Math.min(weekCount - 1, Math.floor((at - start) / WEEK_MS));
        perWeek[week] = (perWeek[week] ?? 0) + 1;
      }
    }
    let total = before;
    return {
      assignmentId: a.assignmentId,
      deckSlug: a.deckSlug,
      deckTitle: a.deckTitle,
      cards: a.cards,
      introducedBefore: before,
      weeks: perWeek.map((introduced, i) => {
        total += introduced;
        return { weekStart: new Date(start + i * WEEK_MS), introduced, total };
      }),
    };
  });
}

/**
 * Ranks every introduced card of the assigned decks in JS (recall needs ts-fsrs): the cards
 * answered Again in the last 7 study days first, then the most lapses, then the lowest recall at
 * the moment of viewing; then reads ten fronts. Right after a session every card's recall is
 * near 100%, the ones just forgotten included, so recall alone would hide them.
 */
async function weakestCards(
  { trainerId, client, decks }: DetailScope,
  hidden: readonly StudyOnlyCardView[],
  today: string,
  now: Date,
): Promise<WeakCard[]> {
  const recallOf = recallAt(now, client.settings);
  const [rows, again] = await Promise.all([
    query()
      .selectFrom("CardState as s")
      .innerJoin("Card as c", "c.id", "s.cardId")
      .select(["s.cardId", assignedDeckOf(decks).as("deckSlug"), ...SCHEDULE_COLUMNS])
      .where("s.userId", "=", client.clientId)
      .where("s.state", "<>", "new")
      .where("c.retired", "=", false)
      .where(cardInDecks("c.id", decks))
      .where(sharedCard(trainerId, "s"))
      .execute(),
    query()
      .selectFrom("ReviewLog as l")
      .innerJoin("Card as c", "c.id", "l.cardId")
      .select((eb) => [
        "l.cardId",
        eb.fn.countAll<number>().as("again"),
        eb.fn.max("l.reviewedAt").as("lastAt"),
      ])
      .where("l.userId", "=", client.clientId)
      .where("l.rating", "=", 1)
      .where("l.reviewedAt", ">=", dayStart(client.clock, shiftStudyDayKey(today, -6)))
      .where("l.reviewedAt", "<=", now)
      .where(cardInDecks("c.id", decks))
      .where(sharedLog(trainerId, "l"))
      .groupBy("l.cardId")
      .execute(),
  ]);
  const againOf = new Map(
    again.map((row) => [row.cardId, { count: Number(row.again), lastAt: parseSqlDate(row.lastAt) }]),
  );
  const cards: { cardId: string; deckSlug: string; schedule: CardSchedule }[] = [
    ...rows.map((row) => ({
      cardId: row.cardId,
      deckSlug: row.deckSlug ?? "",
      schedule: scheduleFromRow(row),
    })),
    ...hidden.map((card) => ({ cardId: card.cardId, deckSlug: card.key, schedule: card.schedule })),
  ];
  const ranked = cards
    .map((card) => ({ ...card, recall: recallOf(card.schedule), again: againOf.get(card.cardId) }))
    .sort(
      (a, b) =>
        (b.again?.count ?? 0) - (a.again?.count ?? 0) ||
        b.schedule.lapses - a.schedule.lapses ||
        a.recall - b.recall ||
        (a.cardId < b.cardId ? -1 : 1),
    )
    .slice(0, WEAKEST_CARDS);
  const ids = ranked.map((card) => card.cardId);
  const fronts = new Map(
    ids.length === 0
      ? []
      : (
          await query()
            .selectFrom("Card")
            .select((eb) => ["id", eb.fn<string>("substr", ["front", eb.lit(1), eb.lit(400)]).as("front")])
            .where("id", "in", ids)
            .execute()
        ).map((row) => [row.id, row.front] as const),
  );
  return ranked.map((card) => ({
    cardId: card.cardId,
    deckSlug: card.deckSlug,
    front: cardFrontLine(fronts.get(card.cardId) ?? ""),
    state: card.schedule.state,
    retrievability: card.recall,
    lapses: card.schedule.lapses,
    reps: card.schedule.reps,
    due: card.schedule.due,
    again7d: card.again?.count ?? 0,
    lastAgainAt: card.again?.lastAt ?? null,
  }));
}

/** The latest wrong quiz answers; the consent rule is checked again in the statement itself. */
async function quizMisses({ trainerId, client, decks }: DetailScope, now: Date): Promise<QuizMiss[]> {
  const rows = await query()
    .selectFrom("QuizAttempt as q")
    .innerJoin("QuizAnswer as qa", "qa.attemptId", "q.id")
    .innerJoin("QuizItem as qi", "qi.id", "qa.itemId")
    .innerJoin("Deck as d", "d.slug", "q.deckSlug")
    .select([
      "qa.itemId",
      "qa.response",
      "qa.answeredAt",
      "q.deckSlug",
      "d.title as deckTitle",
      "qi.prompt",
      "qi.answer",
    ])
    .where("q.userId", "=", client.clientId)
    .where(inDecks("q.deckSlug", decks))
    .where(sharesQuizAnswers(trainerId, sql.ref("q.userId")))
    .where("qa.correct", "=", false)
    .where("qa.answeredAt", "<=", now)
    .orderBy("qa.answeredAt", "desc")
    .limit(QUIZ_MISSES)
    .execute();
  return rows.map((row) => ({
    itemId: row.itemId,
    deckSlug: row.deckSlug,
    deckTitle: row.deckTitle,
    prompt: row.prompt,
    answeredAt: parseSqlDate(row.answeredAt),
    picks: wrongPicksFromJson(row.answer, row.response),
  }));
}

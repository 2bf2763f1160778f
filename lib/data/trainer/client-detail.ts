import "server-only";
import { NotFoundError } from "@/lib/errors";
import { parseSqlDate, type SqlDateValue } from "@/lib/query/values";
import { type SqlClient, sql } from "@/lib/sql/client";
import { cardInDeck, joinMemberships } from "@/lib/sql/deck-membership";
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
import { SCHEDULE_COLUMNS, type ScheduleColumns, scheduleFromRow } from "../schedule-rows";
import { studyDayWindows, windowValues } from "../stats";
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
  type HiddenStudyLogRow,
  hiddenLog,
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
  const db = sql();
  const decks = access.deckSlugs;
  const today = studyDayKey(now, client.clock.timeZone, client.clock.dayRolloverHour);
  const shared = access.shareQuizAnswers;
  const loaded = assignmentRows(trainerId, [client], now).then((byClient) => byClient.get(clientId) ?? []);
  const scope: DetailScope = { db, trainerId, client, decks };
  const hidden = hiddenCardsOf(scope);
  const [totals, assignments, progress, days, recall, weakest, misses] = await Promise.all([
    clientTotals(trainerId, [client], now).then((byClient) => byClient.get(clientId)),
    loaded,
    loaded.then((list) => progressByWeek(db, clientId, decks, list, now)),
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

/**
 * `column IN (...)` over the assigned decks, as named parameters @deck0, @deck1, ...: a plain list
 * both databases read alike, in place of SQLite's json_each. `IN (NULL)` matches nothing, for a
 * client with no deck assigned.
 */
function inDecks(column: string, decks: readonly string[]): { sql: string; params: Record<string, string> } {
  const names = decks.map((_, i) => `deck${i}`);
  return {
    sql: `${column} IN (${names.length ? names.map((name) => `@${name}`).join(", ") : "NULL"})`,
    params: Object.fromEntries(names.map((name, i) => [name, decks[i] as string])),
  };
}

/** What the detail's statements share: the client, the decks this trainer assigned, and who asks. */
interface DetailScope {
  db: SqlClient;
  trainerId: string;
  client: ActiveClient;
  decks: readonly string[];
}

/**
 * The client's cards on the assigned decks that a quiz answer hidden from this trainer changed,
 * as their study answers alone make them (./consent.ts); keyed by deck.
 */
async function hiddenCardsOf({ db, trainerId, client, decks }: DetailScope): Promise<StudyOnlyCardView[]> {
  const deckList = inDecks("dc.deckSlug", decks);
  // One row per card (its answers are counted once), keyed by an assigned deck that teaches it.
  const rows = await db.all<HiddenStudyLogRow>(
    `WITH hidden AS (
       SELECT DISTINCT (SELECT MIN(dc.deckSlug) FROM "DeckCard" dc WHERE dc.cardId = c.id AND ${deckList.sql}) AS key, q.userId, q.cardId
       FROM "ReviewLog" q JOIN "Card" c ON c.id = q.cardId
       WHERE q.userId = @clientId AND ${hiddenLog("q")} AND c.retired = FALSE AND ${cardInDeck("c.id", deckList.sql)}
     )
     SELECT h.key, h.userId, h.cardId, l.rating, l.reviewedAt
     FROM hidden h CROSS JOIN "ReviewLog" l
     WHERE l.userId = h.userId AND l.cardId = h.cardId AND l.origin <> 'quiz'`,
    { ...deckList.params, clientId: client.clientId, trainerId },
  );
  return rows.length ? studyOnlyCards(rows, () => client.settings) : [];
}

/** Reviews per study day, counted in SQL as one index range per day (as lib/data/stats.ts does). */
async function heatmap({ db, trainerId, client, decks }: DetailScope, today: string): Promise<DayCount[]> {
  const windows = studyDayWindows(shiftStudyDayKey(today, 1 - HEATMAP_DAYS), HEATMAP_DAYS, client.clock);
  const { values, params } = windowValues(db, windows);
  // Positional parameters, as windowValues writes them: the deck list and the trainer too.
  const slugs = decks.length ? decks.map(() => "?").join(", ") : "NULL";
  const rows = await db.all<{ day: string; count: number | bigint }>(
    `WITH w(day, dayStart, dayEnd) AS (VALUES ${values})
     SELECT w.day,
       (SELECT COUNT(*) FROM "ReviewLog" l JOIN "Card" c ON c.id = l.cardId
        WHERE l.userId = ? AND l.reviewedAt >= w.dayStart AND l.reviewedAt < w.dayEnd
          AND ${cardInDeck("c.id", `dc.deckSlug IN (${slugs})`)} AND ${sharedLog("l", "?")}) AS count
     FROM w ORDER BY w.day`,
    [...params, client.clientId, ...decks, trainerId],
  );
  return rows.map((row) => ({ day: row.day, count: Number(row.count) }));
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
  { db, trainerId, client, decks }: DetailScope,
  hidden: readonly StudyOnlyCardView[],
  today: string,
  now: Date,
): Promise<{ last7: Retention; last30: Retention }> {
  type Counts = Record<"answered7" | "recalled7" | "answered30" | "recalled30", number | bigint | null>;
  const deckList = inDecks("dc.deckSlug", decks);
  const from7 = dayStart(client.clock, shiftStudyDayKey(today, -6));
  const from30 = dayStart(client.clock, shiftStudyDayKey(today, -29));
  const to = nextStudyDayStart(now, client.clock.timeZone, client.clock.dayRolloverHour);
  const row = await db.get<Counts>(
    `SELECT COUNT(*) FILTER (WHERE l.reviewedAt >= @from7) AS answered7,
       COUNT(*) FILTER (WHERE l.reviewedAt >= @from7 AND l.rating <> 1) AS recalled7,
       COUNT(*) AS answered30, COUNT(*) FILTER (WHERE l.rating <> 1) AS recalled30
     FROM "ReviewLog" l JOIN "Card" c ON c.id = l.cardId
     WHERE l.userId = @clientId AND l.stateBefore = 'review' AND l.reviewedAt >= @from30 AND l.reviewedAt < @to
       AND ${cardInDeck("c.id", deckList.sql)} AND ${sharedCard("l")}`,
    { ...deckList.params, clientId: client.clientId, trainerId, from7, from30, to },
  );
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
  db: SqlClient,
  clientId: string,
  decks: readonly string[],
  assignments: ClientRow["assignments"],
  now: Date,
): Promise<AssignmentProgressOverTime[]> {
  const firstAnswers = new Map<string, number[]>();
  const deckList = inDecks("m.deckSlug", decks);
  const rows = await db.all<{ deckSlug: string; firstAt: SqlDateValue }>(
    `SELECT m.deckSlug, MIN(l.reviewedAt) AS firstAt FROM "ReviewLog" l JOIN "Card" c ON c.id = l.cardId
     ${joinMemberships("c.id")}
     WHERE l.userId = @clientId AND l.origin = 'study' AND l.reviewedAt <= @now AND c.retired = FALSE
       AND ${deckList.sql}
     GROUP BY l.cardId, m.deckSlug`,
    { ...deckList.params, clientId, now },
  );
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
  { db, trainerId, client, decks }: DetailScope,
  hidden: readonly StudyOnlyCardView[],
  today: string,
  now: Date,
): Promise<WeakCard[]> {
  const recallOf = recallAt(now, client.settings);
  const deckList = inDecks("dc.deckSlug", decks);
  const params = { ...deckList.params, clientId: client.clientId, trainerId };
  const [rows, again] = await Promise.all([
    // The card's deck as the trainer knows it: an assigned deck that teaches it (its home deck may not be one).
    db.all<ScheduleColumns & { cardId: string; deckSlug: string }>(
      `SELECT s.cardId, (SELECT MIN(dc.deckSlug) FROM "DeckCard" dc WHERE dc.cardId = c.id AND ${deckList.sql}) AS deckSlug, ${SCHEDULE_COLUMNS}
       FROM "CardState" s JOIN "Card" c ON c.id = s.cardId
       WHERE s.userId = @clientId AND s.state <> 'new' AND c.retired = FALSE AND ${cardInDeck("c.id", deckList.sql)}
         AND ${sharedCard("s")}`,
      params,
    ),
    db.all<{ cardId: string; again: number | bigint; lastAt: SqlDateValue }>(
      `SELECT l.cardId, COUNT(*) AS again, MAX(l.reviewedAt) AS lastAt
       FROM "ReviewLog" l JOIN "Card" c ON c.id = l.cardId
       WHERE l.userId = @clientId AND l.rating = 1 AND l.reviewedAt >= @from7 AND l.reviewedAt <= @now
         AND ${cardInDeck("c.id", deckList.sql)} AND ${sharedLog("l")}
       GROUP BY l.cardId`,
      { ...params, from7: dayStart(client.clock, shiftStudyDayKey(today, -6)), now },
    ),
  ]);
  const againOf = new Map(
    again.map((row) => [row.cardId, { count: Number(row.again), lastAt: parseSqlDate(row.lastAt) }]),
  );
  const cards: { cardId: string; deckSlug: string; schedule: CardSchedule }[] = [
    ...rows.map((row) => ({ cardId: row.cardId, deckSlug: row.deckSlug, schedule: scheduleFromRow(row) })),
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
          await db.all<{ id: string; front: string }>(
            `SELECT id, substr(front, 1, 400) AS front FROM "Card" WHERE id IN (${ids.map(() => "?").join(", ")})`,
            ids,
          )
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
async function quizMisses({ db, trainerId, client, decks }: DetailScope, now: Date): Promise<QuizMiss[]> {
  type MissRow = {
    itemId: string;
    response: string;
    answeredAt: SqlDateValue;
    deckSlug: string;
    deckTitle: string;
    prompt: string;
    answer: string;
  };
  const deckList = inDecks("q.deckSlug", decks);
  const rows = await db.all<MissRow>(
    `SELECT qa.itemId, qa.response, qa.answeredAt, q.deckSlug, d.title AS deckTitle, qi.prompt, qi.answer
     FROM "QuizAttempt" q JOIN "QuizAnswer" qa ON qa.attemptId = q.id
     JOIN "QuizItem" qi ON qi.id = qa.itemId JOIN "Deck" d ON d.slug = q.deckSlug
     WHERE q.userId = @clientId AND ${deckList.sql} AND ${sharesQuizAnswers("q.userId")}
       AND qa.correct = FALSE AND qa.answeredAt <= @now
     ORDER BY qa.answeredAt DESC LIMIT @limit`,
    { ...deckList.params, clientId: client.clientId, trainerId, now, limit: QUIZ_MISSES },
  );
  return rows.map((row) => ({
    itemId: row.itemId,
    deckSlug: row.deckSlug,
    deckTitle: row.deckTitle,
    prompt: row.prompt,
    answeredAt: parseSqlDate(row.answeredAt),
    picks: wrongPicksFromJson(row.answer, row.response),
  }));
}

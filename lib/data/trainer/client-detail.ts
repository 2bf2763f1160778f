import "server-only";
import { NotFoundError } from "@/lib/errors";
import { parseSqlDate, sqlDate, sqlite } from "@/lib/sqlite-connection";
import {
  type DayCount,
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
import { type WrongPick, wrongPicksFromJson } from "@/lib/trainer/wrong-picks";
import { SCHEDULE_COLUMNS, type ScheduleColumns, scheduleFromRow } from "../schedule-rows";
import { requireClientAccess } from "./access";
import {
  type ActiveClient,
  activeClients,
  assignmentRows,
  type ClientRow,
  clientTotals,
  toClientRow,
} from "./client-rows";

const HEATMAP_DAYS = 365;
const WEAKEST_CARDS = 10;
const QUIZ_MISSES = 50;
const WEEK_MS = 7 * 86_400_000;

export interface IntroducedByWeek {
  /** The week runs from `weekStart` (the assignment's creation time plus whole weeks) for 7 days. */
  weekStart: Date;
  /** Cards answered for the first time in this week. */
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
  retrievability: number;
  lapses: number;
  reps: number;
  due: Date;
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
  /** Introduced cards of assigned decks with the lowest predicted recall now (then most lapses). */
  weakestCards: WeakCard[];
  quizAnswersShared: boolean;
  /** The latest wrong quiz answers on assigned decks; null when the client does not share quiz answers. */
  quizMisses: QuizMiss[] | null;
}

/** A client's progress on the decks this trainer assigned. NotFoundError unless their link stands. */
export async function getClientDetail(trainerId: string, clientId: string, now: Date): Promise<ClientDetail> {
  const access = await requireClientAccess(trainerId, clientId);
  const [client] = activeClients(trainerId, now, clientId);
  if (!client) throw new NotFoundError("This client is not linked to you.");
  const totals = clientTotals(trainerId, [client], now).get(clientId);
  const assignments = assignmentRows(trainerId, [client], now).get(clientId) ?? [];
  if (!totals) throw new NotFoundError("This client is not linked to you.");
  const decks = JSON.stringify(access.deckSlugs);
  const today = studyDayKey(now, client.clock.timeZone, client.clock.dayRolloverHour);
  const shared = access.shareQuizAnswers;
  return {
    client: toClientRow(client, totals, assignments),
    today,
    clock: client.clock,
    heatmap: heatmap(client, decks, today),
    retention: retention(client, decks, today, now),
    progress: progressByWeek(clientId, decks, assignments, now),
    weakestCards: weakestCards(client, decks, now),
    quizAnswersShared: shared,
    quizMisses: shared ? quizMisses(clientId, decks, now) : null,
  };
}

const dayStart = (clock: StudyDayClock, key: string) =>
  sqlDate(studyDayStartOfKey(key, clock.timeZone, clock.dayRolloverHour));

/** Reviews per study day, counted in SQL as one index range per day (as lib/data/stats.ts does). */
function heatmap(client: ActiveClient, decks: string, today: string): DayCount[] {
  const keys = Array.from({ length: HEATMAP_DAYS + 1 }, (_, i) =>
    shiftStudyDayKey(today, i + 1 - HEATMAP_DAYS),
  );
  const starts = keys.map((key) => dayStart(client.clock, key));
  const windows = keys.slice(0, HEATMAP_DAYS).map((key, i) => [key, starts[i], starts[i + 1]]);
  return sqlite()
    .prepare<{ clientId: string; decks: string; windows: string }, { day: string; count: number | bigint }>(
      `SELECT json_extract(w.value, '$[0]') AS day,
         (SELECT COUNT(*) FROM "ReviewLog" l JOIN "Card" c ON c.id = l.cardId
          WHERE l.userId = @clientId AND l.reviewedAt >= json_extract(w.value, '$[1]')
            AND l.reviewedAt < json_extract(w.value, '$[2]')
            AND c.deckSlug IN (SELECT value FROM json_each(@decks))) AS count
       FROM json_each(@windows) w ORDER BY w.key`,
    )
    .all({ clientId: client.clientId, decks, windows: JSON.stringify(windows) })
    .map((row) => ({ day: row.day, count: Number(row.count) }));
}

const rate = (answered: number, recalled: number): Retention => ({
  answered,
  recalled,
  rate: answered === 0 ? null : recalled / answered,
});

function retention(client: ActiveClient, decks: string, today: string, now: Date) {
  type Counts = Record<"answered7" | "recalled7" | "answered30" | "recalled30", number | null>;
  const row = sqlite()
    .prepare<Record<string, string>, Counts>(
      `SELECT SUM(l.reviewedAt >= @from7) AS answered7, SUM(l.reviewedAt >= @from7 AND l.rating <> 1) AS recalled7,
         COUNT(*) AS answered30, SUM(l.rating <> 1) AS recalled30
       FROM "ReviewLog" l JOIN "Card" c ON c.id = l.cardId
       WHERE l.userId = @clientId AND l.stateBefore = 'review' AND l.reviewedAt >= @from30 AND l.reviewedAt < @to
         AND c.deckSlug IN (SELECT value FROM json_each(@decks))`,
    )
    .get({
      clientId: client.clientId,
      decks,
      from7: dayStart(client.clock, shiftStudyDayKey(today, -6)),
      from30: dayStart(client.clock, shiftStudyDayKey(today, -29)),
      to: sqlDate(nextStudyDayStart(now, client.clock.timeZone, client.clock.dayRolloverHour)),
    });
  return {
    last7: rate(Number(row?.answered7 ?? 0), Number(row?.recalled7 ?? 0)),
    last30: rate(Number(row?.answered30 ?? 0), Number(row?.recalled30 ?? 0)),
  };
}

/** Cards introduced per week of each assignment, from each live card's first answer in ReviewLog. */
function progressByWeek(
  clientId: string,
  decks: string,
  assignments: ClientRow["assignments"],
  now: Date,
): AssignmentProgressOverTime[] {
  const firstAnswers = new Map<string, number[]>();
  const rows = sqlite()
    .prepare<{ clientId: string; decks: string; now: string }, { deckSlug: string; firstAt: string }>(
      `SELECT c.deckSlug, MIN(l.reviewedAt) AS firstAt FROM "ReviewLog" l JOIN "Card" c ON c.id = l.cardId
       WHERE l.userId = @clientId AND l.reviewedAt <= @now AND c.retired = 0
         AND c.deckSlug IN (SELECT value FROM json_each(@decks))
       GROUP BY l.cardId`,
    )
    .all({ clientId, decks, now: sqlDate(now) });
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

/** Ranks every introduced card of the assigned decks in JS (recall needs ts-fsrs), then reads ten fronts. */
function weakestCards(client: ActiveClient, decks: string, now: Date): WeakCard[] {
  const db = sqlite();
  const recallOf = retrievabilityAt(now, client.settings);
  const ranked = db
    .prepare<{ clientId: string; decks: string }, ScheduleColumns & { cardId: string; deckSlug: string }>(
      `SELECT s.cardId, c.deckSlug, ${SCHEDULE_COLUMNS}
       FROM "CardState" s JOIN "Card" c ON c.id = s.cardId
       WHERE s.userId = @clientId AND s.state <> 'new' AND c.retired = 0
         AND c.deckSlug IN (SELECT value FROM json_each(@decks))`,
    )
    .all({ clientId: client.clientId, decks })
    .map((row) => {
      const schedule = scheduleFromRow(row);
      return { cardId: row.cardId, deckSlug: row.deckSlug, schedule, recall: recallOf(schedule) };
    })
    .sort(
      (a, b) =>
        a.recall - b.recall || b.schedule.lapses - a.schedule.lapses || (a.cardId < b.cardId ? -1 : 1),
    )
    .slice(0, WEAKEST_CARDS);
  const fronts = new Map(
    db
      .prepare<[string], { id: string; front: string }>(
        'SELECT id, substr(front, 1, 400) AS front FROM "Card" WHERE id IN (SELECT value FROM json_each(?))',
      )
      .all(JSON.stringify(ranked.map((card) => card.cardId)))
      .map((row) => [row.id, row.front] as const),
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
  }));
}

function quizMisses(clientId: string, decks: string, now: Date): QuizMiss[] {
  type MissRow = {
    itemId: string;
    response: string;
    answeredAt: string;
    deckSlug: string;
    deckTitle: string;
    prompt: string;
    answer: string;
  };
  return sqlite()
    .prepare<{ clientId: string; decks: string; now: string; limit: number }, MissRow>(
      `SELECT qa.itemId, qa.response, qa.answeredAt, q.deckSlug, d.title AS deckTitle, qi.prompt, qi.answer
       FROM "QuizAttempt" q JOIN "QuizAnswer" qa ON qa.attemptId = q.id
       JOIN "QuizItem" qi ON qi.id = qa.itemId JOIN "Deck" d ON d.slug = q.deckSlug
       WHERE q.userId = @clientId AND q.deckSlug IN (SELECT value FROM json_each(@decks))
         AND qa.correct = 0 AND qa.answeredAt <= @now
       ORDER BY qa.answeredAt DESC LIMIT @limit`,
    )
    .all({ clientId, decks, now: sqlDate(now), limit: QUIZ_MISSES })
    .map((row) => ({
      itemId: row.itemId,
      deckSlug: row.deckSlug,
      deckTitle: row.deckTitle,
      prompt: row.prompt,
      answeredAt: parseSqlDate(row.answeredAt),
      picks: wrongPicksFromJson(row.answer, row.response),
    }));
}

import "server-only";
import { type NotNull, sql } from "kysely";
import { db as prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { parseSqlDate } from "@/lib/query/values";
import { nextStudyDayStart, type ReviewRating, type SrsState } from "@/lib/srs";
import { cardFrontLine } from "@/lib/trainer/card-front";
import {
  combineSeries,
  type HistoryAnswer,
  replayAnswers,
  type WeekPoint,
  weekBounds,
  weeklySeries,
} from "@/lib/trainer/progress";
import { requireClientAccess } from "./access";
import {
  type ActiveClient,
  activeClients,
  itemCount,
  type ScopeParams,
  scoped,
  scopeParams,
} from "./client-rows";
import { sharedCard, sharedLog, sharesQuizAnswers } from "./consent";
import { requireGroup } from "./groups";

/**
 * Progress over time, per client and per group: week by week for each assignment, every quiz
 * attempt (only of clients who share quiz answers), and the cards most often forgotten this week
 * against last week. Two SQL statements (historyAnswers, quizAttempts) over every client in scope
 * at once, on the clients table's `scoped` assignments; the consent rule of ./consent.ts applies
 * in them: a hidden quiz answer is never read, and a card it changed is replayed from its study
 * answers, so nothing here tells a quiz happened.
 */

export const HISTORY_WEEKS = 8;
const FORGOTTEN_CARDS = 10;

export interface AssignmentHistory {
  assignmentId: string;
  clientId: string;
  deckSlug: string;
  deckTitle: string;
  weeks: WeekPoint[];
}

export interface QuizAttemptView {
  attemptId: string;
  deckSlug: string;
  deckTitle: string;
  finishedAt: Date;
  score: number;
  asked: number;
}

export interface ForgottenCard {
  cardId: string;
  deckSlug: string;
  front: string;
  /** Answers rated Again in this week and in the week before (weeks as the series'). */
  thisWeek: number;
  lastWeek: number;
}

export interface ClientHistory {
  assignments: AssignmentHistory[];
  /** Newest first; null when the client does not share quiz answers with this trainer. */
  quizAttempts: QuizAttemptView[] | null;
  forgotten: ForgottenCard[];
}

/**
 * Every answer the trainer may see on the live assignments in scope, with a flag for cards a
 * hidden quiz answer changed (their stored stabilities are then not shown: they are replayed).
 */
function historyAnswers(params: ScopeParams) {
  return scoped(params)
    .selectFrom("scoped as a")
    .crossJoin("Deck as d")
    .crossJoin("DeckCard as m")
    .crossJoin("Card as c")
    .crossJoin("ReviewLog as l")
    .select((eb) => [
      "a.id as assignmentId",
      "a.clientId",
      "a.deckSlug",
      "d.title as deckTitle",
      "l.cardId",
      "l.rating",
      "l.reviewedAt",
      "l.stateBefore",
      "l.stabilityAfter",
      eb.case().when(sharedCard(params.trainerId, "l")).then(eb.lit(1)).else(eb.lit(0)).end().as("asStored"),
    ])
    .whereRef("d.slug", "=", "a.deckSlug")
    .whereRef("m.deckSlug", "=", "a.deckSlug")
    .whereRef("c.id", "=", "m.cardId")
    .where("c.retired", "=", false)
    .whereRef("l.userId", "=", "a.clientId")
    .whereRef("l.cardId", "=", "c.id")
    .where("l.reviewedAt", "<=", params.now)
    .where(sharedLog(params.trainerId, "l"))
    .execute();
}

type HistoryRow = Awaited<ReturnType<typeof historyAnswers>>[number];

/** Every finished quiz on the assigned decks of clients in scope who share quiz answers, newest first. */
function quizAttempts(params: ScopeParams) {
  return scoped(params)
    .selectFrom("scoped as a")
    .innerJoin("Deck as d", "d.slug", "a.deckSlug")
    .innerJoin("QuizAttempt as q", (join) =>
      join.onRef("q.userId", "=", "a.clientId").onRef("q.deckSlug", "=", "a.deckSlug"),
    )
    .select([
      "q.id as attemptId",
      "a.clientId",
      "a.deckSlug",
      "d.title as deckTitle",
      "q.finishedAt",
      "q.score",
      itemCount("q").as("asked"),
    ])
    .where("q.finishedAt", "is not", null)
    .$narrowType<{ finishedAt: NotNull }>()
    .where("q.finishedAt", "<=", params.now)
    .where("q.discardedAt", "is", null)
    .where(sharesQuizAnswers(params.trainerId, sql.ref("a.clientId")))
    .orderBy("q.finishedAt", "desc")
    .execute();
}

interface Histories {
  /** Per assignment: its client and each card's answers, as the trainer may see them. */
  byAssignment: Map<string, { row: HistoryRow; cards: Map<string, HistoryAnswer[]> }>;
}

function collect(rows: readonly HistoryRow[], clients: readonly ActiveClient[]): Histories {
  const settings = new Map(clients.map((c) => [c.clientId, c.settings]));
  const byAssignment: Histories["byAssignment"] = new Map();
  const replay = new Map<
    string,
    { row: HistoryRow; answers: { rating: ReviewRating; reviewedAt: Date }[] }
  >();
  for (const row of rows) {
    let entry = byAssignment.get(row.assignmentId);
    if (!entry) {
      entry = { row, cards: new Map() };
      byAssignment.set(row.assignmentId, entry);
    }
    const answer = { rating: Number(row.rating) as ReviewRating, reviewedAt: parseSqlDate(row.reviewedAt) };
    if (Number(row.asStored) === 1) {
      const list = entry.cards.get(row.cardId) ?? [];
      list.push({ ...answer, stateBefore: row.stateBefore as SrsState, stabilityAfter: row.stabilityAfter });
      entry.cards.set(row.cardId, list);
    } else {
      const id = `${row.assignmentId}\u0000${row.cardId}`;
      const group = replay.get(id) ?? { row, answers: [] };
      group.answers.push(answer);
      replay.set(id, group);
    }
  }
  for (const { row, answers } of replay.values()) {
    const clientSettings = settings.get(row.clientId);
    const entry = byAssignment.get(row.assignmentId);
    if (!clientSettings || !entry) continue;
    entry.cards.set(row.cardId, replayAnswers(answers, clientSettings, `${row.clientId}:${row.cardId}`));
  }
  return { byAssignment };
}

function weeksOf(client: ActiveClient, now: Date, count: number) {
  return weekBounds(nextStudyDayStart(now, client.clock.timeZone, client.clock.dayRolloverHour), count);
}

/** Cards with the most Again answers in the last of `weeks`, then the one before; over every assignment given. */
async function forgottenCards(
  histories: Histories,
  weeksByClient: Map<string, { weekStart: Date; weekEnd: Date }[]>,
): Promise<ForgottenCard[]> {
  const counts = new Map<string, { cardId: string; deckSlug: string; thisWeek: number; lastWeek: number }>();
  const counted = new Set<string>();
  for (const { row, cards } of histories.byAssignment.values()) {
    const weeks = weeksByClient.get(row.clientId);
    const current = weeks?.at(-1);
    const previous = weeks?.at(-2);
    if (!current || !previous) continue;
    for (const [cardId, answers] of cards) {
      // A card in two assigned decks is one card of one client: counted once.
      const clientCard = `${row.clientId}\u0000${cardId}`;
      if (counted.has(clientCard)) continue;
      counted.add(clientCard);
      for (const answer of answers) {
        if (answer.rating !== 1) continue;
        const t = answer.reviewedAt.getTime();
        const inThis = t >= current.weekStart.getTime() && t < current.weekEnd.getTime();
        const inLast = t >= previous.weekStart.getTime() && t < previous.weekEnd.getTime();
        if (!inThis && !inLast) continue;
        const entry = counts.get(cardId) ?? { cardId, deckSlug: row.deckSlug, thisWeek: 0, lastWeek: 0 };
        if (inThis) entry.thisWeek += 1;
        else entry.lastWeek += 1;
        counts.set(cardId, entry);
      }
    }
  }
  const top = [...counts.values()]
    .sort((a, b) => b.thisWeek - a.thisWeek || b.lastWeek - a.lastWeek || (a.cardId < b.cardId ? -1 : 1))
    .slice(0, FORGOTTEN_CARDS);
  if (top.length === 0) return [];
  const fronts = await prisma.card.findMany({
    where: { id: { in: top.map((c) => c.cardId) } },
    select: { id: true, front: true },
  });
  const front = new Map(fronts.map((c) => [c.id, cardFrontLine(c.front)]));
  return top.map((c) => ({ ...c, front: front.get(c.cardId) ?? c.cardId }));
}

async function historiesOf(trainerId: string, clients: readonly ActiveClient[], now: Date, weeks: number) {
  const params = scopeParams(trainerId, clients, now);
  const [rows, attempts] = await Promise.all([historyAnswers(params), quizAttempts(params)]);
  const histories = collect(rows, clients);
  const weeksByClient = new Map(clients.map((c) => [c.clientId, weeksOf(c, now, weeks)]));
  const byClient = new Map(clients.map((c) => [c.clientId, c]));
  const assignments: AssignmentHistory[] = [];
  for (const [assignmentId, { row, cards }] of histories.byAssignment) {
    const client = byClient.get(row.clientId);
    const bounds = weeksByClient.get(row.clientId);
    if (!client || !bounds) continue;
    assignments.push({
      assignmentId,
      clientId: row.clientId,
      deckSlug: row.deckSlug,
      deckTitle: row.deckTitle,
      weeks: weeklySeries(cards, bounds, client.settings, now),
    });
  }
  assignments.sort((a, b) => a.deckTitle.localeCompare(b.deckTitle) || (a.clientId < b.clientId ? -1 : 1));
  return {
    assignments,
    attempts: attempts.map((a) => ({
      attemptId: a.attemptId,
      clientId: a.clientId,
      deckSlug: a.deckSlug,
      deckTitle: a.deckTitle,
      finishedAt: parseSqlDate(a.finishedAt),
      score: Number(a.score ?? 0),
      asked: Number(a.asked),
    })),
    forgotten: await forgottenCards(histories, weeksByClient),
  };
}

/** One client's history on the decks this trainer assigned. NotFoundError unless their link stands. */
export async function getClientHistory(
  trainerId: string,
  clientId: string,
  now: Date,
  weeks = HISTORY_WEEKS,
): Promise<ClientHistory> {
  const access = await requireClientAccess(trainerId, clientId);
  const [client] = await activeClients(trainerId, now, clientId);
  if (!client) throw new NotFoundError("This client is not linked to you.");
  const history = await historiesOf(trainerId, [client], now, weeks);
  return {
    assignments: history.assignments,
    quizAttempts: access.shareQuizAnswers ? history.attempts.map(({ clientId: _, ...a }) => a) : null,
    forgotten: history.forgotten,
  };
}

export interface DeckHistory {
  deckSlug: string;
  deckTitle: string;
  /** Clients of the group with this deck assigned and some answer on it. */
  clients: number;
  weeks: WeekPoint[];
}

export interface GroupHistory {
  group: { id: string; name: string };
  clients: number;
  decks: DeckHistory[];
  /** Quiz attempts of the members who share quiz answers, newest first. */
  quizAttempts: (QuizAttemptView & { clientId: string; clientName: string })[];
  forgotten: ForgottenCard[];
}

/** A group's history: each deck's weeks over the members (NotFoundError for another trainer's group). */
export async function getGroupHistory(
  trainerId: string,
  groupId: string,
  now: Date,
  weeks = HISTORY_WEEKS,
): Promise<GroupHistory> {
  const group = await requireGroup(trainerId, groupId);
  const clients = await activeClients(trainerId, now, { groupId });
  const history = await historiesOf(trainerId, clients, now, weeks);
  const byDeck = new Map<string, { title: string; series: WeekPoint[][] }>();
  for (const a of history.assignments) {
    const entry = byDeck.get(a.deckSlug) ?? { title: a.deckTitle, series: [] };
    entry.series.push(a.weeks);
    byDeck.set(a.deckSlug, entry);
  }
  const names = new Map(clients.map((c) => [c.clientId, c.name]));
  return {
    group,
    clients: clients.length,
    decks: [...byDeck].map(([deckSlug, { title, series }]) => ({
      deckSlug,
      deckTitle: title,
      clients: series.length,
      weeks: combineSeries(series),
    })),
    quizAttempts: history.attempts.map((a) => ({ ...a, clientName: names.get(a.clientId) ?? "" })),
    forgotten: history.forgotten,
  };
}

/** Every client's weekly history as CSV rows (for the export's history option). */
export async function historyRows(
  trainerId: string,
  clients: readonly ActiveClient[],
  now: Date,
  weeks = HISTORY_WEEKS,
) {
  return (await historiesOf(trainerId, clients, now, weeks)).assignments;
}

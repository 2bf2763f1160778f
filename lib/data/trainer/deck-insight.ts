import "server-only";
import { NotFoundError } from "@/lib/errors";
import { type SqlClient, sql } from "@/lib/sql/client";
import { cardFrontLine } from "@/lib/trainer/card-front";
import { wrongPicksFromJson } from "@/lib/trainer/wrong-picks";
import { sharedLog, sharesQuizAnswers } from "./consent";

const TOP = 10;

export interface FailedCard {
  cardId: string;
  front: string;
  /** Answers rated Again, of all answers, by the clients counted. */
  again: number;
  answers: number;
  /** again / answers */
  failRate: number;
  clients: number;
}

export interface CommonWrongAnswer {
  itemId: string;
  prompt: string;
  /** The wrong option picked ("left → right" for a wrongly matched pair). */
  chosen: string;
  expected: string;
  /** Times picked, and by how many clients. */
  count: number;
  clients: number;
}

export interface DeckInsight {
  deckSlug: string;
  deckTitle: string;
  /** The trainer's active clients with this deck assigned. */
  clients: number;
  /** Of those, the ones sharing quiz answers: the only ones `wrongAnswers` counts. */
  sharingClients: number;
  failedCards: FailedCard[];
  wrongAnswers: CommonWrongAnswer[];
}

/** The trainer's clients whose link stands and who have this deck assigned (not removed). */
const ASSIGNED = `WITH assigned AS (
    SELECT a.clientId, tc.shareQuizAnswers FROM "Assignment" a
    JOIN "TrainerClient" tc ON tc.trainerId = a.trainerId AND tc.clientId = a.clientId AND tc.endedAt IS NULL
    WHERE a.trainerId = @trainerId AND a.deckSlug = @deckSlug AND a.removedAt IS NULL
  )`;

type Params = { trainerId: string; deckSlug: string; now: Date };

/**
 * Where the trainer's clients struggle with one deck: the cards most often rated Again and the
 * wrong quiz options most often picked (from clients who share their quiz answers only).
 */
export async function getDeckInsight(trainerId: string, deckSlug: string, now: Date): Promise<DeckInsight> {
  const db = sql();
  const deck = await db.get<{ slug: string; title: string }>(
    'SELECT slug, title FROM "Deck" WHERE slug = ? AND (ownerId IS NULL OR ownerId = ?)',
    [deckSlug, trainerId],
  );
  if (!deck) throw new NotFoundError("This deck does not exist.");
  const params: Params = { trainerId, deckSlug, now };
  const [counts, failedCards, wrongAnswers] = await Promise.all([
    db.get<{ clients: number | bigint; sharing: number | bigint }>(
      `${ASSIGNED} SELECT COUNT(*) AS clients, COUNT(*) FILTER (WHERE shareQuizAnswers = TRUE) AS sharing
       FROM assigned`,
      params,
    ),
    mostFailedCards(db, params),
    commonWrongAnswers(db, params),
  ]);
  return {
    deckSlug: deck.slug,
    deckTitle: deck.title,
    clients: Number(counts?.clients ?? 0),
    sharingClients: Number(counts?.sharing ?? 0),
    failedCards,
    wrongAnswers,
  };
}

/**
 * The cards with the highest share of Again answers, of the answers the trainer may see (quiz
 * answers only of clients who share them, ./consent.ts). Grouped by the card's primary key, so its
 * other columns may be selected (PostgreSQL allows that); HAVING and the ORDER BY expression
 * repeat the aggregates because PostgreSQL does not resolve output names there.
 */
async function mostFailedCards(db: SqlClient, params: Params): Promise<FailedCard[]> {
  type CardRow = {
    cardId: string;
    front: string;
    again: number | bigint;
    answers: number | bigint;
    clients: number | bigint;
  };
  const rows = await db.all<CardRow>(
    `${ASSIGNED}
     SELECT c.id AS cardId, substr(c.front, 1, 400) AS front, COUNT(*) FILTER (WHERE l.rating = 1) AS again,
       COUNT(*) AS answers, COUNT(DISTINCT l.userId) AS clients
     FROM assigned k JOIN "DeckCard" m ON m.deckSlug = @deckSlug JOIN "Card" c ON c.id = m.cardId AND c.retired = FALSE
     JOIN "ReviewLog" l ON l.userId = k.clientId AND l.cardId = c.id AND l.reviewedAt <= @now
     WHERE ${sharedLog("l")}
     GROUP BY c.id HAVING COUNT(*) FILTER (WHERE l.rating = 1) > 0
     ORDER BY COUNT(*) FILTER (WHERE l.rating = 1) * 1.0 / COUNT(*) DESC, again DESC, MIN(m.position) LIMIT @limit`,
    { ...params, limit: TOP },
  );
  return rows.map((row) => ({
    cardId: row.cardId,
    front: cardFrontLine(row.front),
    again: Number(row.again),
    answers: Number(row.answers),
    failRate: Number(row.again) / Number(row.answers),
    clients: Number(row.clients),
  }));
}

/**
 * Wrong answers grouped in SQL by item, stored response and client (a handful of rows per item);
 * each response is then split into the options it picked, so a matching question counts per pair.
 */
async function commonWrongAnswers(db: SqlClient, params: Params): Promise<CommonWrongAnswer[]> {
  type Row = {
    itemId: string;
    prompt: string;
    answer: string;
    response: string;
    clientId: string;
    n: number | bigint;
  };
  // Grouped by the item's primary key, so its prompt and answer may be selected on PostgreSQL too.
  const rows = await db.all<Row>(
    `${ASSIGNED}
     SELECT qi.id AS itemId, qi.prompt, qi.answer, qa.response, k.clientId, COUNT(*) AS n
     FROM assigned k JOIN "QuizAttempt" q ON q.userId = k.clientId AND q.deckSlug = @deckSlug
     JOIN "QuizAnswer" qa ON qa.attemptId = q.id AND qa.correct = FALSE AND qa.answeredAt <= @now
     JOIN "QuizItem" qi ON qi.id = qa.itemId
     WHERE ${sharesQuizAnswers("k.clientId")}
     GROUP BY qi.id, qa.response, k.clientId`,
    params,
  );
  const picks = new Map<string, CommonWrongAnswer & { clientIds: Set<string> }>();
  for (const row of rows) {
    for (const pick of wrongPicksFromJson(row.answer, row.response)) {
      const key = JSON.stringify([row.itemId, pick.chosen]);
      let entry = picks.get(key);
      if (!entry) {
        entry = {
          itemId: row.itemId,
          prompt: row.prompt,
          ...pick,
          count: 0,
          clients: 0,
          clientIds: new Set(),
        };
        picks.set(key, entry);
      }
      entry.count += Number(row.n);
      entry.clientIds.add(row.clientId);
    }
  }
  return [...picks.values()]
    .map(({ clientIds, ...entry }) => ({ ...entry, clients: clientIds.size }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        b.clients - a.clients ||
        a.prompt.localeCompare(b.prompt) ||
        a.chosen.localeCompare(b.chosen),
    )
    .slice(0, TOP);
}

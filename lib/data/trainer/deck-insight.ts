import "server-only";
import { NotFoundError } from "@/lib/errors";
import { sqlDate, sqlite } from "@/lib/sqlite-connection";
import { cardFrontLine } from "@/lib/trainer/card-front";
import { wrongPicksFromJson } from "@/lib/trainer/wrong-picks";

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

type Params = { trainerId: string; deckSlug: string; now: string };

/**
 * Where the trainer's clients struggle with one deck: the cards most often rated Again and the
 * wrong quiz options most often picked (from clients who share their quiz answers only).
 */
export async function getDeckInsight(trainerId: string, deckSlug: string, now: Date): Promise<DeckInsight> {
  const db = sqlite();
  const deck = db
    .prepare<[string], { slug: string; title: string }>('SELECT slug, title FROM "Deck" WHERE slug = ?')
    .get(deckSlug);
  if (!deck) throw new NotFoundError("This deck does not exist.");
  const params: Params = { trainerId, deckSlug, now: sqlDate(now) };
  const counts = db
    .prepare<Params, { clients: number; sharing: number | null }>(
      `${ASSIGNED} SELECT COUNT(*) AS clients, SUM(shareQuizAnswers) AS sharing FROM assigned`,
    )
    .get(params);

  type CardRow = { cardId: string; front: string; again: number; answers: number; clients: number };
  const failedCards = db
    .prepare<Params & { limit: number }, CardRow>(
      `${ASSIGNED}
       SELECT c.id AS cardId, substr(c.front, 1, 400) AS front, SUM(l.rating = 1) AS again, COUNT(*) AS answers,
         COUNT(DISTINCT l.userId) AS clients
       FROM assigned k JOIN "Card" c ON c.deckSlug = @deckSlug AND c.retired = 0
       JOIN "ReviewLog" l ON l.userId = k.clientId AND l.cardId = c.id AND l.reviewedAt <= @now
       GROUP BY c.id HAVING again > 0
       ORDER BY CAST(again AS REAL) / answers DESC, again DESC, c.position LIMIT @limit`,
    )
    .all({ ...params, limit: TOP })
    .map((row) => ({
      cardId: row.cardId,
      front: cardFrontLine(row.front),
      again: Number(row.again),
      answers: Number(row.answers),
      failRate: Number(row.again) / Number(row.answers),
      clients: Number(row.clients),
    }));

  return {
    deckSlug: deck.slug,
    deckTitle: deck.title,
    clients: Number(counts?.clients ?? 0),
    sharingClients: Number(counts?.sharing ?? 0),
    failedCards,
    wrongAnswers: commonWrongAnswers(params),
  };
}

/**
 * Wrong answers grouped in SQL by item, stored response and client (a handful of rows per item);
 * each response is then split into the options it picked, so a matching question counts per pair.
 */
function commonWrongAnswers(params: Params): CommonWrongAnswer[] {
  type Row = {
    itemId: string;
    prompt: string;
    answer: string;
    response: string;
    clientId: string;
    n: number;
  };
  const rows = sqlite()
    .prepare<Params, Row>(
      `${ASSIGNED}
       SELECT qa.itemId, qi.prompt, qi.answer, qa.response, k.clientId, COUNT(*) AS n
       FROM assigned k JOIN "QuizAttempt" q ON q.userId = k.clientId AND q.deckSlug = @deckSlug
       JOIN "QuizAnswer" qa ON qa.attemptId = q.id AND qa.correct = 0 AND qa.answeredAt <= @now
       JOIN "QuizItem" qi ON qi.id = qa.itemId
       WHERE k.shareQuizAnswers = 1
       GROUP BY qa.itemId, qa.response, k.clientId`,
    )
    .all(params);
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

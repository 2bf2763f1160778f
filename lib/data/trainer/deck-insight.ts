import "server-only";
import { type ExpressionBuilder, sql } from "kysely";
import { NotFoundError } from "@/lib/errors";
import { type DB, query } from "@/lib/query";
import { cardFrontLine } from "@/lib/trainer/card-front";
import { wrongPicksFromJson } from "@/lib/trainer/wrong-picks";
import { assignmentLive, linkStands } from "./access";
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

type Params = { trainerId: string; deckSlug: string; now: Date };

/** A query starting with `assigned`: the trainer's clients whose link stands and who have this deck assigned (./access.ts). */
function assigned({ trainerId, deckSlug }: Params) {
  return query().with("assigned", (db) =>
    db
      .selectFrom("Assignment as a")
      .innerJoin("TrainerClient as tc", (join) =>
        join
          .onRef("tc.trainerId", "=", "a.trainerId")
          .onRef("tc.clientId", "=", "a.clientId")
          .on(linkStands("tc")),
      )
      .select(["a.clientId", "tc.shareQuizAnswers"])
      .where("a.trainerId", "=", trainerId)
      .where("a.deckSlug", "=", deckSlug)
      .where(assignmentLive("a")),
  );
}

/**
 * Where the trainer's clients struggle with one deck: the cards most often rated Again and the
 * wrong quiz options most often picked (from clients who share their quiz answers only).
 */
export async function getDeckInsight(trainerId: string, deckSlug: string, now: Date): Promise<DeckInsight> {
  const deck = await query()
    .selectFrom("Deck")
    .select(["slug", "title"])
    .where("slug", "=", deckSlug)
    .where((eb) => eb.or([eb("ownerId", "is", null), eb("ownerId", "=", trainerId)]))
    .executeTakeFirst();
  if (!deck) throw new NotFoundError("This deck does not exist.");
  const params: Params = { trainerId, deckSlug, now };
  const [counts, failedCards, wrongAnswers] = await Promise.all([
    assigned(params)
      .selectFrom("assigned")
      .select((eb) => [
        eb.fn.countAll<number>().as("clients"),
        eb.fn.countAll<number>().filterWhere("assigned.shareQuizAnswers", "=", true).as("sharing"),
      ])
      .executeTakeFirst(),
    mostFailedCards(params),
    commonWrongAnswers(params),
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
async function mostFailedCards(params: Params): Promise<FailedCard[]> {
  const again = (eb: ExpressionBuilder<DB & { l: DB["ReviewLog"] }, "l">) =>
    eb.fn.countAll<number>().filterWhere("l.rating", "=", 1);
  const rows = await assigned(params)
    .selectFrom("assigned as k")
    .innerJoin("DeckCard as m", (join) => join.on("m.deckSlug", "=", params.deckSlug))
    .innerJoin("Card as c", (join) => join.onRef("c.id", "=", "m.cardId").on("c.retired", "=", false))
    .innerJoin("ReviewLog as l", (join) =>
      join
        .onRef("l.userId", "=", "k.clientId")
        .onRef("l.cardId", "=", "c.id")
        .on("l.reviewedAt", "<=", params.now),
    )
    .select((eb) => [
      "c.id as cardId",
      eb.fn<string>("substr", ["c.front", eb.lit(1), eb.lit(400)]).as("front"),
      again(eb).as("again"),
      eb.fn.countAll<number>().as("answers"),
      eb.fn.count<number>("l.userId").distinct().as("clients"),
    ])
    .where(sharedLog(params.trainerId, "l"))
    .groupBy("c.id")
    .having((eb) => eb(again(eb), ">", 0))
    .orderBy((eb) => sql`${again(eb)} * 1.0 / ${eb.fn.countAll()}`, "desc")
    .orderBy("again", "desc")
    .orderBy((eb) => eb.fn.min("m.position"))
    .limit(TOP)
    .execute();
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
async function commonWrongAnswers(params: Params): Promise<CommonWrongAnswer[]> {
  // Grouped by the item's primary key, so its prompt and answer may be selected on PostgreSQL too.
  const rows = await assigned(params)
    .selectFrom("assigned as k")
    .innerJoin("QuizAttempt as q", (join) =>
      join.onRef("q.userId", "=", "k.clientId").on("q.deckSlug", "=", params.deckSlug),
    )
    .innerJoin("QuizAnswer as qa", (join) =>
      join
        .onRef("qa.attemptId", "=", "q.id")
        .on("qa.correct", "=", false)
        .on("qa.answeredAt", "<=", params.now),
    )
    .innerJoin("QuizItem as qi", "qi.id", "qa.itemId")
    .select((eb) => [
      "qi.id as itemId",
      "qi.prompt",
      "qi.answer",
      "qa.response",
      "k.clientId",
      eb.fn.countAll<number>().as("n"),
    ])
    .where(sharesQuizAnswers(params.trainerId, sql.ref("k.clientId")))
    .groupBy(["qi.id", "qa.response", "k.clientId"])
    .execute();
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

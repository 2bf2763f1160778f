import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { type Tx, transaction } from "@/lib/query";
import { isUniqueViolation } from "@/lib/query/errors";
import { isTrue } from "@/lib/query/values";
import {
  choiceOrder,
  drawQuestions,
  InvalidResponseError,
  promptOrder,
  type QuizQuestion,
  type QuizResponse,
  type ScoredAnswer,
  scoreResponse,
  summarize,
} from "@/lib/quiz";
import { studyDayStart } from "@/lib/srs";
import type { QuizAnswerInput, StartQuizInput } from "@/lib/validations/quiz";
import { visibleDeckWhere } from "./deck-access";
import { recordReview } from "./reviews";
import { loadSettingsRow } from "./schedule-rows";
import { toLearnerSettings } from "./settings";

const sourceList = z.array(z.object({ document: z.string(), quote: z.string(), quoteId: z.string() }));
const stringList = z.array(z.string());
const pairList = z.array(z.object({ left: z.string(), right: z.string() }));

type QuizItemRow = {
  id: string;
  kind: string;
  prompt: string;
  choices: string;
  answer: string;
  explanation: string;
  evidence: string;
  caveat: string | null;
  topic: string | null;
  sources: string;
  cardIds: string;
  deckSlug: string;
};

export interface QuizItemFull extends QuizQuestion {
  explanation: string;
  caveat: string | null;
  sources: z.infer<typeof sourceList>;
}

function toQuestion(row: QuizItemRow): QuizItemFull {
  const answer = JSON.parse(row.answer) as unknown;
  return {
    id: row.id,
    kind: row.kind as QuizQuestion["kind"],
    prompt: row.prompt,
    choices: stringList.parse(JSON.parse(row.choices)),
    answer: Array.isArray(answer) ? pairList.parse(answer) : z.string().parse(answer),
    topic: row.topic,
    evidence: row.evidence,
    cardIds: stringList.parse(JSON.parse(row.cardIds)),
    explanation: row.explanation,
    caveat: row.caveat,
    sources: sourceList.parse(JSON.parse(row.sources)),
  };
}

async function loadItems(ids: string[]): Promise<Map<string, QuizItemFull>> {
  const rows = await db.quizItem.findMany({ where: { id: { in: ids } } });
  return new Map(rows.map((row) => [row.id, toQuestion(row)]));
}

/** Starts a quiz; an earlier unfinished attempt on the same deck is discarded. */
export async function startQuiz(userId: string, input: StartQuizInput, now: Date): Promise<string> {
  const deck = await db.deck.findFirst({
    where: { slug: input.deck, retired: false, ...(await visibleDeckWhere(userId)) },
    select: { slug: true },
  });
  if (!deck) throw new NotFoundError("This deck does not exist.");
  const pool = await db.quizItem.findMany({
    where: { deckSlug: deck.slug, retired: false },
    select: { id: true, kind: true },
  });
  const seed = randomInt(0, 2 ** 31 - 1);
  const itemIds = drawQuestions(
    pool as Array<{ id: string; kind: QuizQuestion["kind"] }>,
    input.length,
    input.mode,
    seed,
  );
  if (itemIds.length === 0) throw new ValidationError("This deck has no questions of that kind yet.");
  const [, attempt] = await db.$transaction([
    db.quizAttempt.updateMany({
      where: { userId, deckSlug: deck.slug, finishedAt: null, discardedAt: null },
      data: { discardedAt: now },
    }),
    db.quizAttempt.create({
      data: {
        userId,
        deckSlug: deck.slug,
        mode: input.mode,
        seed,
        itemIds: JSON.stringify(itemIds),
        startedAt: now,
      },
      select: { id: true },
    }),
  ]);
  return attempt.id;
}

async function ownAttempt(userId: string, attemptId: string) {
  // Someone else's attempt is "not found", so its existence is not revealed.
  const attempt = await db.quizAttempt.findFirst({
    where: { id: attemptId, userId },
    include: { answers: { orderBy: { position: "asc" } } },
  });
  if (!attempt) throw new NotFoundError("This quiz does not exist.");
  return { ...attempt, itemIds: stringList.parse(JSON.parse(attempt.itemIds)) };
}

export interface AnswerFeedback extends ScoredAnswer {
  itemId: string;
  response: QuizResponse;
  explanation: string;
  evidence: string;
  /** Shown next to the evidence badge, e.g. "Study-list headline: …"; null if none. */
  caveat: string | null;
  sources: QuizItemFull["sources"];
  /** Cards whose schedule this answer changed (empty when turned off or already reviewed today). */
  rescheduled: string[];
}

function feedbackFor(item: QuizItemFull, response: QuizResponse, rescheduled: string[]): AnswerFeedback {
  return {
    itemId: item.id,
    response,
    ...scoreResponse(item, response),
    explanation: item.explanation,
    evidence: item.evidence,
    caveat: item.caveat,
    sources: item.sources,
    rescheduled,
  };
}

/** The attempt as the quiz page shows it: questions in order with shuffled choices, and answers so far. */
export async function getQuizAttempt(userId: string, attemptId: string) {
  const attempt = await ownAttempt(userId, attemptId);
  const items = await loadItems(attempt.itemIds);
  const deck = await db.deck.findUnique({ where: { slug: attempt.deckSlug }, select: { title: true } });
  const answers = new Map(attempt.answers.map((a) => [a.itemId, a]));
  return {
    id: attempt.id,
    deckSlug: attempt.deckSlug,
    deckTitle: deck?.title ?? attempt.deckSlug,
    mode: attempt.mode,
    status: attempt.discardedAt ? "discarded" : attempt.finishedAt ? "finished" : "open",
    startedAt: attempt.startedAt.getTime(),
    questions: attempt.itemIds.flatMap((id) => {
      const item = items.get(id);
      if (!item) return [];
      const given = answers.get(id);
      const response = given ? (JSON.parse(given.response) as QuizResponse) : null;
      return [
        {
          id,
          kind: item.kind,
          prompt: item.prompt,
          topic: item.topic,
          choices: choiceOrder(item, attempt.seed),
          prompts: promptOrder(item, attempt.seed),
          feedback: response ? feedbackFor(item, response, []) : null,
        },
      ];
    }),
  };
}
export type QuizAttemptView = Awaited<ReturnType<typeof getQuizAttempt>>;

/**
 * Records one answer and, unless the learner turned it off, feeds the tested cards' schedule:
 * wrong counts as Again, right as Good, through the study session's review path. One
 * transaction reads the attempt (still open?), writes the answer and the reviews, and finishes
 * the quiz with its last answer, so an answer can never land in a quiz finished meanwhile.
 * A card already reviewed in the current study day is left alone.
 */
export async function answerQuestion(
  userId: string,
  attemptId: string,
  input: QuizAnswerInput,
  now: Date,
): Promise<AnswerFeedback> {
  const answer = (tx: Tx) => writeAnswer(tx, userId, attemptId, input, now);
  let written: Awaited<ReturnType<typeof answer>>;
  try {
    written = await transaction(answer);
  } catch (error) {
    // The same answer sent twice at once (PostgreSQL): the first one's commit decides.
    if (!isUniqueViolation(error)) throw error;
    written = await transaction(answer);
  }
  return feedbackFor(written.item, input.response, written.rescheduled);
}

async function writeAnswer(tx: Tx, userId: string, attemptId: string, input: QuizAnswerInput, now: Date) {
  // Someone else's attempt is "not found", so its existence is not revealed.
  const attempt = await tx
    .selectFrom("QuizAttempt")
    .select(["itemIds", "finishedAt", "discardedAt"])
    .where("id", "=", attemptId)
    .where("userId", "=", userId)
    .executeTakeFirst();
  if (!attempt) throw new NotFoundError("This quiz does not exist.");
  if (attempt.finishedAt || attempt.discardedAt) throw new ConflictError("This quiz is already finished.");
  const itemIds = stringList.parse(JSON.parse(attempt.itemIds));
  const position = itemIds.indexOf(input.itemId);
  if (position < 0) throw new ValidationError("This question is not part of this quiz.");
  const row = await tx.selectFrom("QuizItem").selectAll().where("id", "=", input.itemId).executeTakeFirst();
  if (!row) throw new NotFoundError("This question no longer exists.");
  const item = toQuestion(row);
  let scored: ScoredAnswer;
  try {
    scored = scoreResponse(item, input.response);
  } catch (error) {
    if (error instanceof InvalidResponseError) throw new ValidationError(error.message);
    throw error;
  }

  const existing = await tx
    .selectFrom("QuizAnswer")
    .select("response")
    .where("attemptId", "=", attemptId)
    .where("itemId", "=", input.itemId)
    .executeTakeFirst();
  if (existing) {
    if (existing.response === JSON.stringify(input.response)) return { item, rescheduled: [] };
    throw new ConflictError("This question was already answered.");
  }
  const answerId = crypto.randomUUID();
  await tx
    .insertInto("QuizAnswer")
    .values({
      id: answerId,
      attemptId,
      itemId: input.itemId,
      position,
      response: JSON.stringify(input.response),
      correct: scored.correct,
      answeredAt: now,
      durationMs: input.durationMs,
    })
    .execute();
  const rescheduled = await feedSchedule(tx, userId, item.cardIds, scored.correct, answerId, now);
  // The last answer finishes the quiz, counted after the write so a retried answer cannot finish it early.
  const counts = await tx
    .selectFrom("QuizAnswer")
    .select((eb) => [
      eb.fn.countAll<number>().as("answered"),
      eb.fn.count<number>("id").filterWhere("correct", "=", true).as("correct"),
    ])
    .where("attemptId", "=", attemptId)
    .executeTakeFirstOrThrow();
  if (Number(counts.answered) >= itemIds.length) {
    await tx
      .updateTable("QuizAttempt")
      .set({ finishedAt: now, score: Number(counts.correct) })
      .where("id", "=", attemptId)
      .where("userId", "=", userId)
      .where("finishedAt", "is", null)
      .execute();
  }
  return { item, rescheduled };
}

async function feedSchedule(
  tx: Tx,
  userId: string,
  cardIds: string[],
  correct: boolean,
  answerId: string,
  now: Date,
): Promise<string[]> {
  const settingsRow = await loadSettingsRow(tx, userId);
  if (settingsRow && !isTrue(settingsRow.quizFeedsSchedule ?? true)) return [];
  const settings = toLearnerSettings(settingsRow);
  const dayStart = studyDayStart(now, settings.timeZone, settings.dayRolloverHour);
  const changed: string[] = [];
  for (const [index, cardId] of cardIds.entries()) {
    const card = await tx
      .selectFrom("Card as c")
      .leftJoin("CardState as s", (join) => join.onRef("s.cardId", "=", "c.id").on("s.userId", "=", userId))
      .select("s.version")
      .select((eb) =>
        eb
          .selectFrom("ReviewLog")
          .select((count) => count.fn.countAll<number>().as("n"))
          .where("userId", "=", userId)
          .where("cardId", "=", cardId)
          .where("reviewedAt", ">=", dayStart)
          .as("today"),
      )
      .where("c.id", "=", cardId)
      .where("c.retired", "=", false)
      .executeTakeFirst();
    if (!card || Number(card.today ?? 0) > 0) continue;
    await recordReview(
      userId,
      {
        idempotencyKey: `quiz-${answerId}-${index}`,
        cardId,
        rating: correct ? 3 : 1,
        expectedVersion: Number(card.version ?? 0),
        answeredAt: now.getTime(),
        durationMs: 0,
        origin: "quiz",
      },
      now,
      { within: tx },
    );
    changed.push(cardId);
  }
  return changed;
}

export async function finishQuiz(userId: string, attemptId: string, now: Date): Promise<void> {
  const attempt = await ownAttempt(userId, attemptId);
  if (attempt.discardedAt) throw new ConflictError("This quiz was discarded.");
  if (attempt.finishedAt) return;
  const score = await db.quizAnswer.count({ where: { attemptId, correct: true } });
  await db.quizAttempt.updateMany({
    where: { id: attemptId, userId, finishedAt: null },
    data: { finishedAt: now, score },
  });
}

export async function discardQuiz(userId: string, attemptId: string, now: Date): Promise<void> {
  const attempt = await ownAttempt(userId, attemptId);
  if (attempt.finishedAt) throw new ConflictError("A finished quiz stays in your history.");
  await db.quizAttempt.updateMany({
    where: { id: attemptId, userId, discardedAt: null },
    data: { discardedAt: now },
  });
}

/** The result page: score, time, breakdowns and every missed question with both answers. */
export async function getQuizResult(userId: string, attemptId: string) {
  const attempt = await ownAttempt(userId, attemptId);
  if (!attempt.finishedAt) throw new ConflictError("This quiz is not finished yet.");
  const items = await loadItems(attempt.itemIds);
  const answered = attempt.answers.flatMap((answer) => {
    const item = items.get(answer.itemId);
    if (!item) return [];
    const response = JSON.parse(answer.response) as QuizResponse;
    return [{ question: item, correct: answer.correct, feedback: feedbackFor(item, response, []) }];
  });
  const missed = answered.filter((a) => !a.correct);
  const deck = await db.deck.findUnique({ where: { slug: attempt.deckSlug }, select: { title: true } });
  return {
    id: attempt.id,
    deckSlug: attempt.deckSlug,
    deckTitle: deck?.title ?? attempt.deckSlug,
    asked: attempt.itemIds.length,
    answered: answered.length,
    durationMs: attempt.finishedAt.getTime() - attempt.startedAt.getTime(),
    // Scored out of every question asked: one left unanswered by finishing early counts as missed.
    summary: summarize(answered, attempt.itemIds.length),
    missed: missed.map((m) => ({ prompt: m.question.prompt, kind: m.question.kind, ...m.feedback })),
    missedCardIds: [...new Set(missed.flatMap((m) => m.question.cardIds))],
  };
}
export type QuizResultView = Awaited<ReturnType<typeof getQuizResult>>;

/** Finished attempts on a deck (newest first) with best and last score, and any open attempt. */
export async function getQuizHistory(userId: string, deckSlug: string) {
  const attempts = await db.quizAttempt.findMany({
    where: { userId, deckSlug, discardedAt: null },
    orderBy: { startedAt: "desc" },
    take: 50,
    include: { _count: { select: { answers: true } } },
  });
  const finished = attempts
    .filter((a) => a.finishedAt)
    .map((a) => ({
      id: a.id,
      mode: a.mode,
      startedAt: a.startedAt.getTime(),
      score: a.score ?? 0,
      total: stringList.parse(JSON.parse(a.itemIds)).length,
    }));
  const percent = (a: { score: number; total: number }) => (a.total ? a.score / a.total : 0);
  const open = attempts.find((a) => !a.finishedAt);
  return {
    finished,
    best: finished.reduce<(typeof finished)[number] | null>(
      (b, a) => (!b || percent(a) > percent(b) ? a : b),
      null,
    ),
    last: finished[0] ?? null,
    open: open
      ? {
          id: open.id,
          answered: open._count.answers,
          total: stringList.parse(JSON.parse(open.itemIds)).length,
          startedAt: open.startedAt.getTime(),
        }
      : null,
  };
}

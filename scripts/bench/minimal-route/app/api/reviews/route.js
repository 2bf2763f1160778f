// The baseline of `npm run bench -- side-by-side` (issue 18): the same review transaction as
// Retain's POST /api/reviews (idempotency lookup, card state, version check, ts-fsrs, log insert,
// state upsert, BEGIN IMMEDIATE on a WAL file with synchronous=FULL) with raw better-sqlite3, no
// auth (the learner is the `uid` cookie), no validation library, no settings or weights lookup.
// Plain JavaScript so it builds without a tsconfig. Not part of the app; built into a temp dir.
import Database from "better-sqlite3";
import { createEmptyCard, fsrs } from "ts-fsrs";

const STATES = ["new", "learning", "review", "relearning"];
const scheduler = fsrs();
const sqlDate = (date) => date.toISOString().replace("Z", "+00:00");
const parseDate = (value) => new Date(value.includes("T") ? value : `${value.replace(" ", "T")}Z`);

let statements;
function prepared() {
  if (statements) return statements;
  const db = new Database(process.env.DATABASE_PATH, { timeout: 5000 });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  statements = {
    begin: db.prepare("BEGIN IMMEDIATE"),
    commit: db.prepare("COMMIT"),
    rollback: db.prepare("ROLLBACK"),
    findLog: db.prepare('SELECT cardId FROM "ReviewLog" WHERE userId = ? AND idempotencyKey = ?'),
    findState: db.prepare(
      'SELECT state, due, stability, difficulty, reps, lapses, learningSteps, scheduledDays, lastReview, version FROM "CardState" WHERE userId = ? AND cardId = ?',
    ),
    insertLog:
      db.prepare(`INSERT INTO "ReviewLog" (id, userId, cardId, idempotencyKey, origin, rating, reviewedAt,
        durationMs, stateBefore, dueBefore, lastReviewBefore, stabilityBefore, difficultyBefore, scheduledDaysBefore,
        learningStepsBefore, dueAfter, stabilityAfter, difficultyAfter, cardVersion)
      VALUES (?, ?, ?, ?, 'study', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    upsertState:
      db.prepare(`INSERT INTO "CardState" (userId, cardId, state, due, stability, difficulty, reps, lapses,
        learningSteps, scheduledDays, lastReview, version, introducedAt)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
      ON CONFLICT (userId, cardId) DO UPDATE SET state = excluded.state, due = excluded.due,
        stability = excluded.stability, difficulty = excluded.difficulty, reps = excluded.reps,
        lapses = excluded.lapses, learningSteps = excluded.learningSteps, scheduledDays = excluded.scheduledDays,
        lastReview = excluded.lastReview, version = "CardState".version + 1
      WHERE "CardState".version = ?`),
  };
  return statements;
}

function toCard(row, now) {
  if (!row) return createEmptyCard(now);
  return {
    due: parseDate(row.due),
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: 0,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: STATES.indexOf(row.state),
    last_review: row.lastReview ? parseDate(row.lastReview) : undefined,
  };
}

export async function POST(request) {
  const userId = /(?:^|;\s*)uid=([^;]+)/.exec(request.headers.get("cookie") ?? "")?.[1];
  if (!userId) return Response.json({ error: "no user" }, { status: 401 });
  const body = await request.json();
  const now = new Date();
  const s = prepared();
  s.begin.run();
  try {
    if (s.findLog.get(userId, body.idempotencyKey)) {
      s.commit.run();
      return Response.json({ status: "duplicate" });
    }
    const row = s.findState.get(userId, body.cardId);
    const version = row ? Number(row.version) : 0;
    if (version !== body.expectedVersion) {
      s.commit.run();
      return Response.json({ error: "stale", version }, { status: 409 });
    }
    const before = toCard(row, now);
    const { card: next, log } = scheduler.next(before, now, body.rating);
    s.insertLog.run(
      crypto.randomUUID(),
      userId,
      body.cardId,
      body.idempotencyKey,
      body.rating,
      sqlDate(now),
      body.durationMs,
      STATES[before.state],
      sqlDate(before.due),
      before.last_review ? sqlDate(before.last_review) : null,
      before.stability,
      before.difficulty,
      before.scheduled_days,
      before.learning_steps,
      sqlDate(next.due),
      next.stability,
      next.difficulty,
      version + 1,
    );
    s.upsertState.run(
      userId,
      body.cardId,
      STATES[next.state],
      sqlDate(next.due),
      next.stability,
      next.difficulty,
      next.reps,
      next.lapses,
      next.learning_steps,
      next.scheduled_days,
      sqlDate(log.review),
      sqlDate(now),
      body.expectedVersion,
    );
    s.commit.run();
    return Response.json({ status: "recorded", cardId: body.cardId, version: version + 1 });
  } catch (error) {
    s.rollback.run();
    throw error;
  }
}

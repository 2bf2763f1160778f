import "server-only";
import { NotFoundError } from "@/lib/errors";
import { parseSqlDate, sqlDate, sqlite } from "@/lib/sqlite-connection";
import { buildQueue, newCardSchedule, type SrsState, studyDayStart } from "@/lib/srs";
import { type StudyCard, type StudySessionData, toWire } from "@/lib/study/session-data";
import { toLearnerSettings } from "./settings";

export interface StudyScope {
  /** One deck, or all decks when null. */
  deck: string | null;
  /** Only these cards (e.g. the cards behind missed quiz questions); null for the whole scope. */
  cardIds: string[] | null;
}

interface ScheduleRow {
  cardId: string;
  deckSlug: string;
  state: string | null;
  due: string | null;
  stability: number | null;
  difficulty: number | null;
  reps: bigint | null;
  lapses: bigint | null;
  learningSteps: bigint | null;
  scheduledDays: bigint | null;
  lastReview: string | null;
  version: bigint | null;
}

interface ContentRow {
  id: string;
  deckSlug: string;
  deckTitle: string;
  kind: string;
  front: string;
  back: string;
  evidence: string;
  topic: string | null;
  sources: string;
}

function scheduleOf(row: ScheduleRow, now: Date) {
  if (row.state === null || row.due === null) return newCardSchedule(now);
  return {
    state: row.state as SrsState,
    due: parseSqlDate(row.due),
    stability: row.stability ?? 0,
    difficulty: row.difficulty ?? 0,
    reps: Number(row.reps ?? 0),
    lapses: Number(row.lapses ?? 0),
    learningSteps: Number(row.learningSteps ?? 0),
    scheduledDays: Number(row.scheduledDays ?? 0),
    lastReview: row.lastReview ? parseSqlDate(row.lastReview) : null,
  };
}

/**
 * The learner's queue for a deck (or all decks): every card's schedule is read in one query,
 * ordered by ts-fsrs retrievability in lib/srs, and only the queued cards' text is loaded.
 */
export function getStudySession(userId: string, scope: StudyScope, now: Date): StudySessionData {
  const db = sqlite();
  let title = "All decks";
  if (scope.deck) {
    const deck = db.prepare<[string], { title: string }>(
      'SELECT title FROM "Deck" WHERE slug = ? AND retired = 0',
    );
    const found = deck.get(scope.deck);
    if (!found) throw new NotFoundError("This deck does not exist.");
    title = found.title;
  }
  const settings = toLearnerSettings(
    db
      .prepare<[string], Parameters<typeof toLearnerSettings>[0]>(
        'SELECT * FROM "StudySettings" WHERE userId = ?',
      )
      .get(userId),
  );
  const rows = db
    .prepare<[string, string | null, string | null], ScheduleRow>(
      `SELECT c.id AS cardId, c.deckSlug, s.state, s.due, s.stability, s.difficulty, s.reps, s.lapses,
         s.learningSteps, s.scheduledDays, s.lastReview, s.version
       FROM "Card" c JOIN "Deck" d ON d.slug = c.deckSlug
       LEFT JOIN "CardState" s ON s.cardId = c.id AND s.userId = ?
       WHERE c.retired = 0 AND d.retired = 0 AND (? IS NULL OR c.deckSlug = ?)
       ORDER BY d.position, c.position`,
    )
    .all(userId, scope.deck, scope.deck);
  const wanted = scope.cardIds ? new Set(scope.cardIds) : null;
  const candidates = rows
    .filter((row) => !wanted || wanted.has(row.cardId))
    .map((row) => ({
      cardId: row.cardId,
      version: Number(row.version ?? 0),
      schedule: scheduleOf(row, now),
    }));

  const dayStart = sqlDate(studyDayStart(now, settings.timeZone, settings.dayRolloverHour));
  const today = db
    .prepare<[string, string], { newIntroduced: bigint | null; reviewsDone: bigint | null }>(
      `SELECT SUM(stateBefore = 'new') AS newIntroduced, COUNT(DISTINCT CASE WHEN stateBefore = 'review' THEN cardId END) AS reviewsDone
       FROM "ReviewLog" WHERE userId = ? AND reviewedAt >= ?`,
    )
    .get(userId, dayStart);
  // "Study these cards" is an explicit request: the daily new-card limit does not hold it back.
  const limits = wanted ? { ...settings, newPerDay: wanted.size, maxReviewsPerDay: wanted.size } : settings;
  const queue = buildQueue(
    candidates,
    now,
    limits,
    wanted
      ? { newIntroduced: 0, reviewsDone: 0 }
      : { newIntroduced: Number(today?.newIntroduced ?? 0), reviewsDone: Number(today?.reviewsDone ?? 0) },
  );
  const queued = new Set(queue.cards.map((c) => c.cardId));
  const upcoming = candidates.filter(
    (c) => !queued.has(c.cardId) && (c.schedule.state === "learning" || c.schedule.state === "relearning"),
  );
  const content = loadCardContent([...queue.cards, ...upcoming].map((c) => c.cardId));
  const toStudyCard = (c: (typeof candidates)[number]): StudyCard[] => {
    const text = content.get(c.cardId);
    return text ? [{ ...text, schedule: toWire(c.schedule), version: c.version }] : [];
  };
  return {
    userId,
    scope: { deck: scope.deck, title, cardIds: scope.cardIds },
    settings: {
      desiredRetention: settings.desiredRetention,
      maximumInterval: settings.maximumInterval,
      enableFuzz: settings.enableFuzz,
      learningSteps: settings.learningSteps,
      relearningSteps: settings.relearningSteps,
      weights: settings.weights,
      timeZone: settings.timeZone,
      dayRolloverHour: settings.dayRolloverHour,
    },
    cards: queue.cards.flatMap(toStudyCard),
    counts: queue.counts,
    upcomingLearning: upcoming.flatMap(toStudyCard),
    serverNow: now.getTime(),
  };
}

function loadCardContent(ids: string[]): Map<string, Omit<StudyCard, "schedule" | "version">> {
  const result = new Map<string, Omit<StudyCard, "schedule" | "version">>();
  if (ids.length === 0) return result;
  const db = sqlite();
  // Chunked: SQLite caps the number of bound parameters per statement.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db
      .prepare<string[], ContentRow>(
        `SELECT c.id, c.deckSlug, d.title AS deckTitle, c.kind, c.front, c.back, c.evidence, c.topic, c.sources
         FROM "Card" c JOIN "Deck" d ON d.slug = c.deckSlug WHERE c.id IN (${chunk.map(() => "?").join(",")})`,
      )
      .all(...chunk);
    for (const row of rows) {
      result.set(row.id, {
        cardId: row.id,
        deckSlug: row.deckSlug,
        deckTitle: row.deckTitle,
        kind: row.kind,
        front: row.front,
        back: row.back,
        evidence: row.evidence,
        topic: row.topic,
        sources: JSON.parse(row.sources),
      });
    }
  }
  return result;
}

import "server-only";
import { NotFoundError } from "@/lib/errors";
import { sqlDate, sqlite } from "@/lib/sqlite-connection";
import { buildQueue, newCardSchedule, nextStudyDayStart, studyDayStart } from "@/lib/srs";
import { type StudyCard, type StudySessionData, toWire } from "@/lib/study/session-data";
import {
  readLearnerSettings,
  SCHEDULE_COLUMNS as SCHEDULE_ROW_COLUMNS,
  type ScheduleColumns,
  scheduleFromRow,
} from "./schedule-rows";

export interface StudyScope {
  /** One deck, or all decks when null. */
  deck: string | null;
  /** Only these cards (e.g. the cards behind missed quiz questions); null for the whole scope. */
  cardIds: string[] | null;
}

type ScheduleRow = { cardId: string; deckSlug: string; version: bigint | null } & {
  [K in keyof ScheduleColumns]: ScheduleColumns[K] | null;
};

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
  // A card the learner has never answered has no row: it starts as a new card now.
  if (row.state === null || row.due === null) return newCardSchedule(now);
  return scheduleFromRow(row as ScheduleColumns);
}

/**
 * The learner's queue for a deck (or all decks). Only cards that can be due today are read
 * (the (userId, due) index), plus the first few never-seen cards for today's new limit; lib/srs
 * then orders them by ts-fsrs retrievability, and only the queued cards' text is loaded.
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
  const settings = readLearnerSettings(userId);
  const dayStart = studyDayStart(now, settings.timeZone, settings.dayRolloverHour);
  const dayEnd = nextStudyDayStart(now, settings.timeZone, settings.dayRolloverHour);
  const today = db
    .prepare<[string, string], { newIntroduced: bigint | null; reviewsDone: bigint | null }>(
      `SELECT SUM(stateBefore = 'new') AS newIntroduced,
         COUNT(DISTINCT CASE WHEN stateBefore = 'review' THEN cardId END) AS reviewsDone
       FROM "ReviewLog" WHERE userId = ? AND reviewedAt >= ?`,
    )
    .get(userId, sqlDate(dayStart));
  const wanted = scope.cardIds ? new Set(scope.cardIds) : null;
  // "Study these cards" is an explicit request: the daily limits do not hold it back.
  const limits = wanted ? { ...settings, newPerDay: wanted.size, maxReviewsPerDay: wanted.size } : settings;
  const counts = wanted
    ? { newIntroduced: 0, reviewsDone: 0 }
    : { newIntroduced: Number(today?.newIntroduced ?? 0), reviewsDone: Number(today?.reviewsDone ?? 0) };
  const newLimit = Math.max(0, limits.newPerDay - counts.newIntroduced);

  const inScope = (row: { cardId: string }) => !wanted || wanted.has(row.cardId);
  // A retired deck's cards are retired with it (lib/seed), so the card's flag is enough here.
  const dueRows = db
    .prepare<[string, string, string | null, string | null], ScheduleRow>(
      `SELECT s.cardId, c.deckSlug, ${SCHEDULE_COLUMNS}
       FROM "CardState" s JOIN "Card" c ON c.id = s.cardId
       WHERE s.userId = ? AND s.due < ? AND s.state <> 'new' AND c.retired = 0
         AND (? IS NULL OR c.deckSlug = ?)`,
    )
    .all(userId, sqlDate(dayEnd), scope.deck, scope.deck)
    .filter(inScope);
  const newRows = wanted
    ? newCardsAmong(userId, scope, [...wanted])
    : firstNewCards(userId, scope.deck, newLimit);
  const candidates = [...dueRows, ...newRows].map((row) => ({
    cardId: row.cardId,
    version: Number(row.version ?? 0),
    schedule: scheduleOf(row, now),
  }));
  const queue = buildQueue(candidates, now, limits, counts);
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

const SCHEDULE_COLUMNS = `${SCHEDULE_ROW_COLUMNS}, s.version`;

/**
 * The first never-seen cards in deck and card order. Walks each deck's (deckSlug, position)
 * index and stops at the limit, instead of sorting every card of a large collection.
 */
function firstNewCards(userId: string, deck: string | null, limit: number): ScheduleRow[] {
  if (limit <= 0) return [];
  const db = sqlite();
  const decks = deck
    ? [deck]
    : db
        .prepare<[], { slug: string }>('SELECT slug FROM "Deck" WHERE retired = 0 ORDER BY position')
        .all()
        .map((d) => d.slug);
  const inDeck = db.prepare<[string, string, number], ScheduleRow>(
    `SELECT c.id AS cardId, c.deckSlug, ${SCHEDULE_COLUMNS}
     FROM "Card" c LEFT JOIN "CardState" s ON s.cardId = c.id AND s.userId = ?
     WHERE c.deckSlug = ? AND c.retired = 0 AND (s.state IS NULL OR s.state = 'new')
     ORDER BY c.position LIMIT ?`,
  );
  const rows: ScheduleRow[] = [];
  for (const slug of decks) {
    if (rows.length >= limit) break;
    rows.push(...inDeck.all(userId, slug, limit - rows.length));
  }
  return rows;
}

/** Never-seen cards among an explicit list (e.g. the cards behind missed quiz questions). */
function newCardsAmong(userId: string, scope: StudyScope, ids: string[]): ScheduleRow[] {
  if (ids.length === 0) return [];
  return sqlite()
    .prepare<unknown[], ScheduleRow>(
      `SELECT c.id AS cardId, c.deckSlug, ${SCHEDULE_COLUMNS}
       FROM "Card" c JOIN "Deck" d ON d.slug = c.deckSlug
       LEFT JOIN "CardState" s ON s.cardId = c.id AND s.userId = ?
       WHERE c.id IN (${ids.map(() => "?").join(",")}) AND c.retired = 0 AND d.retired = 0
         AND (? IS NULL OR c.deckSlug = ?) AND (s.state IS NULL OR s.state = 'new')
       ORDER BY d.position, c.position`,
    )
    .all(userId, ...ids, scope.deck, scope.deck);
}

function loadCardContent(ids: string[]): Map<string, Omit<StudyCard, "schedule" | "version">> {
  const result = new Map<string, Omit<StudyCard, "schedule" | "version">>();
  if (ids.length === 0) return result;
  const db = sqlite();
  const titles = new Map(
    db
      .prepare<[], { slug: string; title: string }>('SELECT slug, title FROM "Document"')
      .all()
      .map((d) => [d.slug, d.title]),
  );
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
        sources: (JSON.parse(row.sources) as Array<Omit<StudyCard["sources"][number], "title">>).map(
          (source) => ({
            ...source,
            title: titles.get(source.document) ?? source.document,
          }),
        ),
      });
    }
  }
  return result;
}

import "server-only";
import { NotFoundError } from "@/lib/errors";
import { type SqlClient, sql } from "@/lib/sql/client";
import { buildQueue, newCardSchedule, nextStudyDayStart, studyDayStart } from "@/lib/srs";
import { type StudyCard, type StudySessionData, toWire } from "@/lib/study/session-data";
import { visibleDeckSql } from "./deck-access";
import {
  loadLearnerSettings,
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

type ScheduleRow = { cardId: string; deckSlug: string; version: number | bigint | null } & {
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
  caveat: string | null;
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
export async function getStudySession(
  userId: string,
  scope: StudyScope,
  now: Date,
): Promise<StudySessionData> {
  const db = sql();
  let title = "All decks";
  if (scope.deck) {
    // A personal deck is its owner's only: to anyone else it does not exist.
    const found = await db.get<{ title: string }>(
      `SELECT title FROM "Deck" d WHERE slug = ? AND retired = FALSE AND ${visibleDeckSql("d")}`,
      [scope.deck, userId, userId],
    );
    if (!found) throw new NotFoundError("This deck does not exist.");
    title = found.title;
  }
  const settings = await loadLearnerSettings(db, userId);
  const dayStart = studyDayStart(now, settings.timeZone, settings.dayRolloverHour);
  const dayEnd = nextStudyDayStart(now, settings.timeZone, settings.dayRolloverHour);
  const today = await answeredToday(db, userId, dayStart);
  const wanted = scope.cardIds ? new Set(scope.cardIds) : null;
  // "Study these cards" is an explicit request: the daily limits do not hold it back.
  const limits = wanted ? { ...settings, newPerDay: wanted.size, maxReviewsPerDay: wanted.size } : settings;
  const counts = wanted ? { newIntroduced: 0, reviewsDone: 0 } : today;
  const newLimit = Math.max(0, limits.newPerDay - counts.newIntroduced);

  const inScope = (row: { cardId: string }) => !wanted || wanted.has(row.cardId);
  // A retired deck's cards are retired with it (lib/seed), so the card's flag is enough here.
  const dueRows = (
    await db.all<ScheduleRow>(
      `SELECT s.cardId, c.deckSlug, ${SCHEDULE_COLUMNS}
       FROM "CardState" s JOIN "Card" c ON c.id = s.cardId
       WHERE s.userId = ? AND s.due < ? AND s.state <> 'new' AND c.retired = FALSE
         AND (CAST(? AS TEXT) IS NULL OR c.deckSlug = ?)`,
      [userId, dayEnd, scope.deck, scope.deck],
    )
  ).filter(inScope);
  const newRows = wanted
    ? await newCardsAmong(db, userId, scope, [...wanted])
    : await firstNewCards(db, userId, scope.deck, newLimit);
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
  const content = await loadCardContent(
    db,
    [...queue.cards, ...upcoming].map((c) => c.cardId),
  );
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

/** What the learner already did this study day, as buildQueue's daily limits count it. */
export async function answeredToday(db: SqlClient, userId: string, dayStart: Date) {
  const row = await db.get<{ newIntroduced: number | bigint | null; reviewsDone: number | bigint | null }>(
    `SELECT COUNT(*) FILTER (WHERE stateBefore = 'new') AS newIntroduced,
       COUNT(DISTINCT CASE WHEN stateBefore = 'review' THEN cardId END) AS reviewsDone
     FROM "ReviewLog" WHERE userId = ? AND reviewedAt >= ?`,
    [userId, dayStart],
  );
  return { newIntroduced: Number(row?.newIntroduced ?? 0), reviewsDone: Number(row?.reviewsDone ?? 0) };
}

/**
 * The first never-seen cards in deck and card order. Walks each deck's (deckSlug, position)
 * index and stops at the limit, instead of sorting every card of a large collection.
 */
async function firstNewCards(db: SqlClient, userId: string, deck: string | null, limit: number) {
  if (limit <= 0) return [];
  const decks = deck
    ? [deck]
    : (
        await db.all<{ slug: string }>(
          `SELECT slug FROM "Deck" d WHERE retired = FALSE AND ${visibleDeckSql("d")} ORDER BY position`,
          [userId, userId],
        )
      ).map((d) => d.slug);
  const rows: ScheduleRow[] = [];
  for (const slug of decks) {
    if (rows.length >= limit) break;
    const inDeck = await db.all<ScheduleRow>(
      `SELECT c.id AS cardId, c.deckSlug, ${SCHEDULE_COLUMNS}
       FROM "Card" c LEFT JOIN "CardState" s ON s.cardId = c.id AND s.userId = ?
       WHERE c.deckSlug = ? AND c.retired = FALSE AND (s.state IS NULL OR s.state = 'new')
       ORDER BY c.position LIMIT ?`,
      [userId, slug, limit - rows.length],
    );
    rows.push(...inDeck);
  }
  return rows;
}

/** Never-seen cards among an explicit list (e.g. the cards behind missed quiz questions). */
async function newCardsAmong(db: SqlClient, userId: string, scope: StudyScope, ids: string[]) {
  if (ids.length === 0) return [];
  return db.all<ScheduleRow>(
    `SELECT c.id AS cardId, c.deckSlug, ${SCHEDULE_COLUMNS}
     FROM "Card" c JOIN "Deck" d ON d.slug = c.deckSlug
     LEFT JOIN "CardState" s ON s.cardId = c.id AND s.userId = ?
     WHERE c.id IN (${ids.map(() => "?").join(",")}) AND c.retired = FALSE AND d.retired = FALSE
       AND ${visibleDeckSql("d")}
       AND (CAST(? AS TEXT) IS NULL OR c.deckSlug = ?) AND (s.state IS NULL OR s.state = 'new')
     ORDER BY d.position, c.position`,
    [userId, ...ids, userId, userId, scope.deck, scope.deck],
  );
}

async function loadCardContent(db: SqlClient, ids: string[]) {
  const result = new Map<string, Omit<StudyCard, "schedule" | "version">>();
  if (ids.length === 0) return result;
  const titles = new Map(
    (await db.all<{ slug: string; title: string }>('SELECT slug, title FROM "Document"')).map((d) => [
      d.slug,
      d.title,
    ]),
  );
  // Chunked: SQLite caps the number of bound parameters per statement.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db.all<ContentRow>(
      `SELECT c.id, c.deckSlug, d.title AS deckTitle, c.kind, c.front, c.back, c.evidence, c.caveat, c.topic, c.sources
       FROM "Card" c JOIN "Deck" d ON d.slug = c.deckSlug WHERE c.id IN (${chunk.map(() => "?").join(",")})`,
      chunk,
    );
    for (const row of rows) {
      result.set(row.id, {
        cardId: row.id,
        deckSlug: row.deckSlug,
        deckTitle: row.deckTitle,
        kind: row.kind,
        front: row.front,
        back: row.back,
        evidence: row.evidence,
        caveat: row.caveat,
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
  await titleUploadedSources(db, result);
  return result;
}

/** Authored cards cite uploaded documents ("u-…"): their titles come from UserDocument. */
async function titleUploadedSources(
  db: SqlClient,
  cards: Map<string, Omit<StudyCard, "schedule" | "version">>,
) {
  const sources = [...cards.values()]
    .flatMap((card) => card.sources)
    .filter((s) => s.document.startsWith("u-"));
  const ids = [...new Set(sources.map((source) => source.document))];
  if (ids.length === 0) return;
  const rows = await db.all<{ id: string; title: string }>(
    `SELECT id, title FROM "UserDocument" WHERE id IN (${ids.map(() => "?").join(",")})`,
    ids,
  );
  const titles = new Map(rows.map((row) => [row.id, row.title]));
  for (const source of sources) source.title = titles.get(source.document) ?? source.title;
}

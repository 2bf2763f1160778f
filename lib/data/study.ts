import "server-only";
import { sql } from "kysely";
import { NotFoundError } from "@/lib/errors";
import { type Database, dialect, query } from "@/lib/query";
import { studyable } from "@/lib/query/card-marks";
import { cardInDeck } from "@/lib/query/deck-membership";
import {
  buildQueue,
  type CardSchedule,
  deckNewAllowance,
  holdsLeastRemembered,
  type NewIntroducedToday,
  newCardSchedule,
  nextStudyDayStart,
  type StudyQueue,
  studyDayStart,
  takeInTurn,
  totalNewAllowance,
} from "@/lib/srs";
import { type DeckOptions, deckLimits } from "@/lib/srs/deck-options";
import { leechRuleOf } from "@/lib/srs/leech";
import type { NewCardLimits } from "@/lib/srs/new-limits";
import type { LearnerSettings } from "@/lib/srs/settings";
import { type StudyCard, type StudySessionData, toWire } from "@/lib/study/session-data";
import { visibleDeck } from "./deck-access";
import { deckOptionsByDeck } from "./deck-presets";
import {
  loadLearnerSettings,
  loadSettingsRow,
  SCHEDULE_COLUMNS,
  type ScheduleColumns,
  scheduleFromRow,
} from "./schedule-rows";

export interface StudyScope {
  /** One deck, or all decks when null. */
  deck: string | null;
  /** Only these cards (e.g. the cards behind missed quiz questions); null for the whole scope. */
  cardIds: string[] | null;
}

type ScheduleRow = {
  cardId: string;
  version: number | bigint | null;
  flag: number | bigint | null;
} & {
  [K in keyof ScheduleColumns]: ScheduleColumns[K] | null;
};

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
  const db = query();
  let title = "All decks";
  if (scope.deck) {
    // A personal deck is its owner's only: to anyone else it does not exist.
    const found = await db
      .selectFrom("Deck as d")
      .select("title")
      .where("slug", "=", scope.deck)
      .where("retired", "=", false)
      .where(visibleDeck("d", userId))
      .executeTakeFirst();
    if (!found) throw new NotFoundError("This deck does not exist.");
    title = found.title;
  }
  const settings = await loadLearnerSettings(db, userId);
  const leech = leechRuleOf(await loadSettingsRow(db, userId));
  const deckOptions = await deckOptionsByDeck(userId);
  const newLimits = withDeckNewLimits(settings, deckOptions);
  const dayStart = studyDayStart(now, settings.timeZone, settings.dayRolloverHour);
  const dayEnd = nextStudyDayStart(now, settings.timeZone, settings.dayRolloverHour);
  const today = await answeredToday(db, userId, dayStart);
  const wanted = scope.cardIds ? new Set(scope.cardIds) : null;
  // "Study these cards" is an explicit request: the daily limits do not hold it back.

  // A retired deck's cards are retired with it (lib/seed), so the card's flag is enough here.
  const maxReviewsPerDay = wanted ? wanted.size : reviewCeiling(settings, deckOptions, today, scope.deck);
  const counts = { newIntroduced: 0, reviewsDone: wanted ? 0 : today.reviewsDone };
  const dueRows = wanted
    ? await startedCardsAmong(db, userId, scope, [...wanted], now)
    : await dueCards(db, userId, scope.deck, dayEnd, now, {
        settings,
        reviews: Math.max(0, maxReviewsPerDay - counts.reviewsDone),
      });
  const newRows = wanted
    ? await newCardsAmong(db, userId, scope, [...wanted], now)
    : await newCardsForToday(db, userId, scope.deck, newLimits, today.introduced, now);
  // The new cards are chosen above, by each deck's limit and the all-decks one (lib/srs/new-limits);
  // buildQueue takes them all and applies the daily review limit.
  const limits = { ...settings, newPerDay: newRows.length, maxReviewsPerDay };
  const candidates = [...dueRows, ...newRows].map((row) => ({
    cardId: row.cardId,
    version: Number(row.version ?? 0),
    flag: Number(row.flag ?? 0),
    schedule: scheduleOf(row, now),
  }));
  const built = buildQueue(candidates, now, limits, counts);
  // "Study these cards" (e.g. after a quiz, which has just rated the missed cards Again) shows
  // every named card at once: those not due yet are studied ahead of their step or interval, as
  // Anki's learn-ahead does, each answer a real review scheduled by FSRS from its actual time.
  const queue = wanted ? studyAheadOf(built, candidates) : built;
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
    if (!text) return [];
    // A card is scheduled with its home deck's preset (the server does the same: lib/data/reviews).
    const options = deckOptions.get(text.deckSlug);
    const own = options
      ? {
          desiredRetention: options.desiredRetention,
          learningSteps: options.learningSteps,
          relearningSteps: options.relearningSteps,
        }
      : undefined;
    return [
      {
        ...text,
        schedule: toWire(c.schedule),
        version: c.version,
        flag: c.flag,
        ...(own ? { options: own } : {}),
      },
    ];
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
    dayEnd: dayEnd.getTime(),
    leech,
  };
}

const STUDY_COLUMNS = [...SCHEDULE_COLUMNS, "s.version", "s.flag"] as const;

/** The learner's new-card limits with each preset deck's own (capped by the learner's). */
export function withDeckNewLimits(settings: LearnerSettings, deckOptions: Map<string, DeckOptions>) {
  const perDeck = Object.fromEntries(
    [...deckOptions].map(([slug, options]) => [slug, deckLimits(settings, options).newPerDay]),
  );
  return { ...settings, perDeck };
}

/**
 * The review limit of a session, as buildQueue reads it (it subtracts today's reviews in all
 * decks): one deck with a preset is held to the preset's limit less that deck's reviews today too.
 */
export function reviewCeiling(
  settings: LearnerSettings,
  deckOptions: Map<string, DeckOptions>,
  today: { reviewsDone: number; reviewsByDeck: Record<string, number> },
  deck: string | null,
): number {
  const options = deck ? deckOptions.get(deck) : undefined;
  if (!deck || !options) return settings.maxReviewsPerDay;
  const left = deckLimits(settings, options).maxReviewsPerDay - (today.reviewsByDeck[deck] ?? 0);
  return Math.min(settings.maxReviewsPerDay, today.reviewsDone + Math.max(0, left));
}

/**
 * Started cards that can be due before the study day ends: every (re)learning card, and the due
 * reviews the day's review limit can take (`reviews`), with those that tie with the last one.
 */
async function dueCards(
  db: Database,
  userId: string,
  deck: string | null,
  dayEnd: Date,
  now: Date,
  wanted: { settings: LearnerSettings; reviews: number },
): Promise<ScheduleRow[]> {
  const started = startedBefore(db, userId, deck, dayEnd, now);
  const learning = await started
    .select(["s.cardId", ...STUDY_COLUMNS])
    .where("s.state", "in", ["learning", "relearning"])
    // In the index's order (state first), or SQLite walks every due card by (userId, due).
    .orderBy("s.state")
    .orderBy("s.due")
    .orderBy("s.cardId")
    .execute();
  if (wanted.reviews <= 0) return learning;
  const reviews = started.where("s.state", "=", "review");
  // buildQueue takes the least remembered due reviews. Recall falls as elapsed days over stability
  // grows, so the database orders by that ratio and a window a little past the limit is read; if
  // the window cannot be shown to hold the limit's cards (lib/srs/queue), every due review is read.
  // The ranking reads the covering index alone; only the window's rows are then read in full.
  const window = Math.ceil(wanted.reviews * 1.25) + 50;
  const ranked = reviews.select("s.cardId").orderBy(overdueRatio(now), "desc").limit(window);
  const read = await db
    .selectFrom("CardState as s")
    .select(["s.cardId", ...STUDY_COLUMNS, overdueRatio(now).as("overdue")])
    .where("s.userId", "=", userId)
    .where("s.cardId", "in", ranked)
    .orderBy("overdue", "desc")
    .orderBy("s.due")
    .orderBy("s.cardId")
    .execute();
  const last = read.at(-1);
  const complete =
    read.length < window ||
    (last !== undefined &&
      holdsLeastRemembered(
        read.map((row) => scheduleOf(row, now)),
        wanted.reviews,
        Number(last.overdue),
        now,
        wanted.settings,
      ));
  return [...learning, ...(complete ? read : await reviews.select(["s.cardId", ...STUDY_COLUMNS]).execute())];
}

/**
 * The learner's started cards due before `dayEnd` in scope, through the (userId, state, due, …)
 * index. Retired cards are few: their ids are read once (Card's (retired, id) index) instead of
 * joining Card for every due card. A retired deck's cards are retired with it (lib/seed).
 */
function startedBefore(db: Database, userId: string, deck: string | null, dayEnd: Date, now: Date) {
  return db
    .selectFrom("CardState as s")
    .where("s.userId", "=", userId)
    .where("s.due", "<", dayEnd)
    .where("s.cardId", "not in", db.selectFrom("Card").select("id").where("retired", "=", true))
    .where(studyable("s", now))
    .$if(deck !== null, (qb) => qb.where(cardInDeck("s.cardId", deck as string)));
}

/**
 * Whole days since the last review (as ts-fsrs counts them, from milliseconds) over stability,
 * largest (least remembered) first; unknown first of all.
 */
function overdueRatio(now: Date) {
  const lastReview = sql.ref("s.lastReview");
  const elapsedMs =
    dialect() === "sqlite"
      ? sql<number>`${now.getTime()} - cast(round((julianday(${lastReview}) - 2440587.5) * 86400000) as integer)`
      : sql<number>`${now.getTime()} - extract(epoch from ${lastReview}) * 1000`;
  // Negative (a review after now) counts as 0 days, as lib/srs/retrievability clamps it; the date
  // is converted once per row (a CASE would convert it twice).
  const wholeDays =
    dialect() === "sqlite"
      ? sql<number>`max(0, floor((${elapsedMs}) / 86400000.0))`
      : sql<number>`greatest(0, floor((${elapsedMs}) / 86400000.0))`;
  return sql<number>`case when ${lastReview} is null or ${sql.ref("s.stability")} <= 0 then 1e300 else cast(${wholeDays} as double precision) / ${sql.ref("s.stability")} end`;
}

/** What the learner already did this study day, as the daily limits count it: new cards per deck too. */
export async function answeredToday(db: Database, userId: string, dayStart: Date) {
  const row = await db
    .selectFrom("ReviewLog")
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere("stateBefore", "=", "new").as("newIntroduced"),
      eb.fn
        .count<number>(eb.case().when("stateBefore", "=", "review").then(eb.ref("cardId")).end())
        .distinct()
        .as("reviewsDone"),
    ])
    .where("userId", "=", userId)
    .where("reviewedAt", ">=", dayStart)
    .executeTakeFirst();
  // A card counts in every deck that teaches it (DeckCard), as the deck's other figures do.
  const perDeck = await db
    .selectFrom("ReviewLog as l")
    .innerJoin("DeckCard as m", "m.cardId", "l.cardId")
    .select((eb) => [
      "m.deckSlug",
      eb.fn.countAll<number>().filterWhere("l.stateBefore", "=", "new").as("introduced"),
      // Review cards answered today per deck, for decks with their own review limit (a preset).
      eb.fn
        .count<number>(eb.case().when("l.stateBefore", "=", "review").then(eb.ref("l.cardId")).end())
        .distinct()
        .as("reviewed"),
    ])
    .where("l.userId", "=", userId)
    .where("l.reviewedAt", ">=", dayStart)
    .where("l.stateBefore", "in", ["new", "review"])
    .groupBy("m.deckSlug")
    .execute();
  const newIntroduced = Number(row?.newIntroduced ?? 0);
  const introduced: NewIntroducedToday = {
    total: newIntroduced,
    byDeck: Object.fromEntries(perDeck.map((r) => [r.deckSlug, Number(r.introduced)])),
  };
  /** Review cards answered today per deck, for decks with their own review limit (a preset). */
  const reviewsByDeck: Record<string, number> = Object.fromEntries(
    perDeck.map((r) => [r.deckSlug, Number(r.reviewed)]),
  );
  return { newIntroduced, reviewsDone: Number(row?.reviewsDone ?? 0), introduced, reviewsByDeck };
}

/** The learner's decks, in the library's order (content decks, then their own). */
export async function visibleDeckSlugs(db: Database, userId: string): Promise<string[]> {
  const decks = await db
    .selectFrom("Deck as d")
    .select("slug")
    .where("retired", "=", false)
    .where(visibleDeck("d", userId))
    .orderBy("position")
    .execute();
  return decks.map((d) => d.slug);
}

/**
 * Today's new cards: one deck's within its own limit; all decks' within each deck's limit and
 * the all-decks one, taken from each deck in turn (lib/srs/new-limits).
 */
async function newCardsForToday(
  db: Database,
  userId: string,
  deck: string | null,
  limits: NewCardLimits,
  today: NewIntroducedToday,
  now: Date,
) {
  if (deck) return firstNewCards(db, userId, deck, deckNewAllowance(limits, today, deck), now);
  const total = totalNewAllowance(limits, today);
  if (total <= 0) return [];
  const perDeck: ScheduleRow[][] = [];
  const listed = new Set<string>();
  for (const slug of await visibleDeckSlugs(db, userId)) {
    const allowance = Math.min(total, deckNewAllowance(limits, today, slug));
    // A card included in several decks is one new card, listed under the first deck that has it:
    // reading `listed.size` more rows still fills this deck's allowance after skipping those.
    const rows = await firstNewCards(db, userId, slug, allowance > 0 ? allowance + listed.size : 0, now);
    const fresh = rows.filter((row) => !listed.has(row.cardId)).slice(0, allowance);
    for (const row of fresh) listed.add(row.cardId);
    perDeck.push(fresh);
  }
  return takeInTurn(perDeck, total);
}

/**
 * A deck's first never-seen cards in card order. Walks the deck's (deckSlug, position) index and
 * stops at the limit, instead of sorting every card of a large deck.
 */
async function firstNewCards(
  db: Database,
  userId: string,
  deck: string,
  limit: number,
  now: Date,
): Promise<ScheduleRow[]> {
  if (limit <= 0) return [];
  // A deck the learner has nearly finished would be walked to its end: name its few candidates.
  const few = await fewUnstarted(db, userId, deck);
  if (few?.length === 0) return [];
  return db
    .selectFrom("Card as c")
    .innerJoin("DeckCard as m", "m.cardId", "c.id")
    .leftJoin("CardState as s", (join) => join.onRef("s.cardId", "=", "c.id").on("s.userId", "=", userId))
    .select(["c.id as cardId", ...STUDY_COLUMNS])
    .where("m.deckSlug", "=", deck)
    .where("c.retired", "=", false)
    .where((eb) => eb.or([eb("s.state", "is", null), eb("s.state", "=", "new")]))
    .where(studyable("s", now))
    .$if(few !== null, (qb) => qb.where("c.id", "in", few as string[]))
    .orderBy("m.position")
    .limit(limit)
    .execute();
}

const FEW_UNSTARTED = 400;

/**
 * The deck's cards that may be new to the learner (no state yet, or a state still new), when at
 * most FEW_UNSTARTED; null when more. The first read merges two indexes in card-id order
 * (DeckCard's and CardState's keys) instead of probing one card at a time.
 */
async function fewUnstarted(db: Database, userId: string, deck: string): Promise<string[] | null> {
  const unseen = await db
    .selectFrom("DeckCard")
    .select("cardId")
    .where("deckSlug", "=", deck)
    .except(db.selectFrom("CardState").select("cardId").where("userId", "=", userId))
    .orderBy("cardId")
    .limit(FEW_UNSTARTED + 1)
    .execute();
  if (unseen.length > FEW_UNSTARTED) return null;
  const stillNew = await db
    .selectFrom("CardState")
    .select("cardId")
    .where("userId", "=", userId)
    .where("state", "=", "new")
    .limit(FEW_UNSTARTED + 1 - unseen.length)
    .execute();
  if (unseen.length + stillNew.length > FEW_UNSTARTED) return null;
  return [...unseen, ...stillNew].map((row) => row.cardId);
}

/** The queue with every candidate it left out (not due yet) added, soonest due first. */
function studyAheadOf<T extends { cardId: string; schedule: CardSchedule }>(queue: StudyQueue<T>, all: T[]) {
  const queued = new Set(queue.cards.map((c) => c.cardId));
  const ahead = all
    .filter((c) => !queued.has(c.cardId))
    .sort((a, b) => a.schedule.due.getTime() - b.schedule.due.getTime());
  const counts = { ...queue.counts };
  for (const card of ahead) {
    if (card.schedule.state === "review") counts.review++;
    else if (card.schedule.state === "new") counts.new++;
    else counts.learning++;
  }
  // Cards already started come first, as in any session: never-seen ones after them.
  const isNew = (c: T) => c.schedule.state === "new";
  const cards = [...queue.cards.filter((c) => !isNew(c)), ...ahead, ...queue.cards.filter(isNew)];
  return { ...queue, cards, counts, nextLearningDue: null };
}

/** Started cards among an explicit list, due or not. */
async function startedCardsAmong(
  db: Database,
  userId: string,
  scope: StudyScope,
  ids: string[],
  now: Date,
): Promise<ScheduleRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("CardState as s")
    .innerJoin("Card as c", "c.id", "s.cardId")
    .innerJoin("Deck as d", "d.slug", "c.deckSlug")
    .select(["s.cardId", ...STUDY_COLUMNS])
    .where("s.userId", "=", userId)
    .where("s.cardId", "in", ids)
    .where("s.state", "<>", "new")
    .where("c.retired", "=", false)
    .where("d.retired", "=", false)
    .where(visibleDeck("d", userId))
    .where(studyable("s", now))
    .$if(scope.deck !== null, (qb) => qb.where(cardInDeck("c.id", scope.deck as string)))
    .execute();
}

/** Never-seen cards among an explicit list (e.g. the cards behind missed quiz questions). */
async function newCardsAmong(
  db: Database,
  userId: string,
  scope: StudyScope,
  ids: string[],
  now: Date,
): Promise<ScheduleRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("Card as c")
    .innerJoin("Deck as d", "d.slug", "c.deckSlug")
    .leftJoin("CardState as s", (join) => join.onRef("s.cardId", "=", "c.id").on("s.userId", "=", userId))
    .select(["c.id as cardId", ...STUDY_COLUMNS])
    .where("c.id", "in", ids)
    .where("c.retired", "=", false)
    .where("d.retired", "=", false)
    .where(visibleDeck("d", userId))
    .$if(scope.deck !== null, (qb) => qb.where(cardInDeck("c.id", scope.deck as string)))
    .where((eb) => eb.or([eb("s.state", "is", null), eb("s.state", "=", "new")]))
    .where(studyable("s", now))
    .orderBy("d.position")
    .orderBy("c.position")
    .execute();
}

async function loadCardContent(db: Database, ids: string[]) {
  const result = new Map<string, Omit<StudyCard, "schedule" | "version">>();
  if (ids.length === 0) return result;
  const titles = new Map(
    (await db.selectFrom("Document").select(["slug", "title"]).execute()).map((d) => [d.slug, d.title]),
  );
  // Chunked: SQLite caps the number of bound parameters per statement.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom("Card as c")
      .innerJoin("Deck as d", "d.slug", "c.deckSlug")
      .select([
        "c.id",
        "c.deckSlug",
        "d.title as deckTitle",
        "c.kind",
        "c.front",
        "c.back",
        "c.evidence",
        "c.caveat",
        "c.topic",
        "c.sources",
        "c.imageId",
      ])
      .where("c.id", "in", ids.slice(i, i + 500))
      .execute();
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
        imageId: row.imageId,
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
  db: Database,
  cards: Map<string, Omit<StudyCard, "schedule" | "version">>,
) {
  const sources = [...cards.values()]
    .flatMap((card) => card.sources)
    .filter((s) => s.document.startsWith("u-"));
  const ids = [...new Set(sources.map((source) => source.document))];
  if (ids.length === 0) return;
  const rows = await db.selectFrom("UserDocument").select(["id", "title"]).where("id", "in", ids).execute();
  const titles = new Map(rows.map((row) => [row.id, row.title]));
  for (const source of sources) source.title = titles.get(source.document) ?? source.title;
}

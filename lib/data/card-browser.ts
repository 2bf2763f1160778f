import "server-only";
import { databaseUrl, providerOf } from "@/lib/database-url";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { isTrue, parseSqlDate, type SqlDateValue, sqlDate } from "@/lib/sqlite-connection";
import { nextStudyDayStart } from "@/lib/srs";
import type { BrowserSort, CardBrowserQuery } from "@/lib/validations/card-browser";
import { visibleDeckWhere } from "./deck-access";

/**
 * The card browser: every card the learner can study, searched, filtered, sorted and paged in the
 * database. Its SQL lives here and only here. It is written once for both databases through
 * Prisma's tagged templates (placeholders per provider), with quoted identifiers; the two
 * differences (case-insensitive LIKE, how a date parameter is passed) are the `dialect` lines.
 * Which decks are visible comes from the one rule in ./deck-access (a Prisma query), as a list of slugs.
 */

export const BROWSER_PAGE_SIZE = 50;

export interface BrowserCard {
  id: string;
  front: string;
  back: string;
  evidence: string;
  deckSlug: string;
  deckTitle: string;
  /** new | learning | review | relearning */
  state: string;
  due: Date | null;
  lapses: number;
  reps: number;
  suspended: boolean;
  buried: boolean;
  flag: number;
  leech: boolean;
}

export interface BrowserPage {
  cards: BrowserCard[];
  total: number;
  page: number;
  pageCount: number;
  decks: { slug: string; title: string }[];
  /** The learner's study-day clock, to show due dates in their days. */
  clock: { timeZone: string; dayRolloverHour: number };
}

const dialect = () => providerOf(databaseUrl());
/** A date as a parameter: SQLite compares the text Prisma's adapter writes; PostgreSQL a timestamp. */
const dateParam = (date: Date) => (dialect() === "sqlite" ? sqlDate(date) : date);

/** ORDER BY for a sort, every key in direction `dir`; never-seen cards sort after dated ones either way. */
function orderBy(sort: BrowserSort, dir: "asc" | "desc"): Prisma.Sql {
  const d = Prisma.raw(dir === "desc" ? "DESC" : "ASC");
  const keys: Record<BrowserSort, Prisma.Sql[]> = {
    deck: [Prisma.sql`d."position"`, Prisma.sql`d."slug"`, Prisma.sql`c."position"`],
    front: [Prisma.sql`c."front"`],
    due: [Prisma.sql`s."due"`],
    lapses: [Prisma.sql`COALESCE(s."lapses", 0)`],
    evidence: [Prisma.sql`c."evidence"`],
    state: [Prisma.sql`COALESCE(s."state", 'new')`],
  };
  const neverSeenLast = Prisma.sql`CASE WHEN s."state" IS NULL OR s."state" = 'new' THEN 1 ELSE 0 END ASC`;
  const directed = [...keys[sort], Prisma.sql`c."id"`].map((key) => Prisma.sql`${key} ${d}`);
  return Prisma.join(sort === "due" ? [neverSeenLast, ...directed] : directed, ", ");
}

function conditions(query: CardBrowserQuery, slugs: string[], now: Date, dayEnd: Date) {
  const where: Prisma.Sql[] = [
    Prisma.sql`c."retired" = FALSE`,
    Prisma.sql`c."deckSlug" IN (${Prisma.join(slugs)})`,
  ];
  if (query.q) {
    // LIKE's own wildcards in the search text are matched literally.
    const pattern = `%${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const like = dialect() === "sqlite" ? Prisma.raw("LIKE") : Prisma.raw("ILIKE");
    where.push(
      Prisma.sql`(c."front" ${like} ${pattern} ESCAPE '\\' OR c."back" ${like} ${pattern} ESCAPE '\\')`,
    );
  }
  if (query.deck)
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "DeckCard" dc WHERE dc."cardId" = c."id" AND dc."deckSlug" = ${query.deck})`,
    );
  if (query.evidence) where.push(Prisma.sql`c."evidence" = ${query.evidence}`);
  const nowParam = dateParam(now);
  switch (query.state) {
    case undefined:
      break;
    case "new":
      where.push(Prisma.sql`(s."state" IS NULL OR s."state" = 'new')`);
      break;
    case "suspended":
      where.push(Prisma.sql`s."suspended" = TRUE`);
      break;
    case "buried":
      where.push(Prisma.sql`s."buriedUntil" > ${nowParam}`);
      break;
    case "leech":
      where.push(Prisma.sql`s."leech" = TRUE`);
      break;
    default:
      where.push(Prisma.sql`s."state" = ${query.state}`);
  }
  if (query.due) {
    const started = Prisma.sql`s."state" IS NOT NULL AND s."state" <> 'new'`;
    const day = 86_400_000;
    const until =
      query.due === "week"
        ? new Date(dayEnd.getTime() + 6 * day)
        : query.due === "month"
          ? new Date(dayEnd.getTime() + 29 * day)
          : dayEnd;
    if (query.due === "overdue") where.push(Prisma.sql`${started} AND s."due" < ${dateParam(now)}`);
    else where.push(Prisma.sql`${started} AND s."due" < ${dateParam(until)}`);
  }
  if (query.lapses) where.push(Prisma.sql`s."lapses" >= ${query.lapses}`);
  if (query.flag !== undefined)
    where.push(query.flag === 0 ? Prisma.sql`s."flag" > 0` : Prisma.sql`s."flag" = ${query.flag}`);
  return Prisma.join(where, " AND ");
}

type Row = {
  id: string;
  front: string;
  back: string;
  evidence: string;
  deckSlug: string;
  deckTitle: string;
  state: string | null;
  due: SqlDateValue | null;
  lapses: number | bigint | null;
  reps: number | bigint | null;
  suspended: unknown;
  buriedUntil: SqlDateValue | null;
  flag: number | bigint | null;
  leech: unknown;
};

/** One page of the learner's cards matching `query`, and how many match in all. */
export async function browseCards(userId: string, query: CardBrowserQuery, now: Date): Promise<BrowserPage> {
  const decks = await db.deck.findMany({
    where: { retired: false, ...(await visibleDeckWhere(userId)) },
    select: { slug: true, title: true },
    orderBy: { position: "asc" },
  });
  const settings = await db.studySettings.findUnique({
    where: { userId },
    select: { timeZone: true, dayRolloverHour: true },
  });
  const clock = { timeZone: settings?.timeZone ?? "UTC", dayRolloverHour: settings?.dayRolloverHour ?? 4 };
  if (decks.length === 0) return { cards: [], total: 0, page: 1, pageCount: 1, decks, clock };
  const dayEnd = nextStudyDayStart(now, clock.timeZone, clock.dayRolloverHour);
  const slugs = decks.map((d) => d.slug);
  const from = Prisma.sql`FROM "Card" c JOIN "Deck" d ON d."slug" = c."deckSlug"
    LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = ${userId}`;
  const where = conditions(query, slugs, now, dayEnd);
  const [{ n }] = await db.$queryRaw<[{ n: number | bigint }]>`SELECT COUNT(*) AS n ${from} WHERE ${where}`;
  const total = Number(n);
  const pageCount = Math.max(1, Math.ceil(total / BROWSER_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.$queryRaw<Row[]>`
    SELECT c."id", c."front", c."back", c."evidence", c."deckSlug", d."title" AS "deckTitle",
      s."state", s."due", s."lapses", s."reps", s."suspended", s."buriedUntil", s."flag", s."leech"
    ${from} WHERE ${where}
    ORDER BY ${orderBy(query.sort, query.dir)}
    LIMIT ${BROWSER_PAGE_SIZE} OFFSET ${(page - 1) * BROWSER_PAGE_SIZE}`;
  const cards = rows.map((row): BrowserCard => {
    const started = row.state !== null && row.state !== "new";
    const buriedUntil = row.buriedUntil === null ? null : parseSqlDate(row.buriedUntil);
    return {
      id: row.id,
      front: row.front,
      back: row.back,
      evidence: row.evidence,
      deckSlug: row.deckSlug,
      deckTitle: row.deckTitle,
      state: row.state ?? "new",
      due: started && row.due !== null ? parseSqlDate(row.due) : null,
      lapses: Number(row.lapses ?? 0),
      reps: Number(row.reps ?? 0),
      suspended: isTrue(row.suspended),
      buried: buriedUntil !== null && buriedUntil > now,
      flag: Number(row.flag ?? 0),
      leech: isTrue(row.leech),
    };
  });
  return { cards, total, page, pageCount, decks, clock };
}

export interface CardHistoryEntry {
  id: string;
  reviewedAt: Date;
  rating: number;
  origin: string;
  stateBefore: string;
  stateAfter: string;
  /** Time from this answer to the due date it set. */
  intervalMs: number;
  durationMs: number;
}

export interface CardHistory {
  card: BrowserCard & { sources: string; kind: string };
  /** Where its owner edits it; null when it is not the learner's own card. */
  editHref: string | null;
  reviews: CardHistoryEntry[];
  /** The learner's time zone (their study settings; UTC without any): answer times are shown in it. */
  timeZone: string;
}

/**
 * One card with every answer the learner gave it, oldest first. The state after an answer is the
 * next answer's state before (the card's current state for the last one): ReviewLog keeps the
 * schedule before each answer, which undo needs, and the due date after it.
 */
export async function getCardHistory(userId: string, cardId: string, now: Date): Promise<CardHistory> {
  const card = await db.card.findFirst({
    where: { id: cardId, retired: false, deck: { retired: false, ...(await visibleDeckWhere(userId)) } },
    select: {
      id: true,
      front: true,
      back: true,
      kind: true,
      evidence: true,
      sources: true,
      deck: { select: { slug: true, title: true, ownerId: true, userDocuments: { select: { id: true } } } },
      states: { where: { userId } },
      logs: { where: { userId }, orderBy: [{ cardVersion: "asc" }, { reviewedAt: "asc" }] },
    },
  });
  if (!card) throw new NotFoundError("This card does not exist or was retired.");
  const settings = await db.studySettings.findUnique({ where: { userId }, select: { timeZone: true } });
  const state = card.states[0];
  const started = state !== undefined && state.state !== "new";
  const reviews = card.logs.map((log, i) => ({
    id: log.id,
    reviewedAt: log.reviewedAt,
    rating: log.rating,
    origin: log.origin,
    stateBefore: log.stateBefore,
    stateAfter: card.logs[i + 1]?.stateBefore ?? state?.state ?? "new",
    intervalMs: log.dueAfter.getTime() - log.reviewedAt.getTime(),
    durationMs: log.durationMs,
  }));
  const own = card.deck.ownerId === userId;
  const documentId = card.deck.userDocuments[0]?.id;
  return {
    card: {
      id: card.id,
      front: card.front,
      back: card.back,
      kind: card.kind,
      evidence: card.evidence,
      sources: card.sources,
      deckSlug: card.deck.slug,
      deckTitle: card.deck.title,
      state: state?.state ?? "new",
      due: started ? state.due : null,
      lapses: state?.lapses ?? 0,
      reps: state?.reps ?? 0,
      suspended: state?.suspended ?? false,
      buried: state?.buriedUntil ? state.buriedUntil > now : false,
      flag: state?.flag ?? 0,
      leech: state?.leech ?? false,
    },
    editHref: !own ? null : documentId ? `/author/${documentId}` : `/author/decks/${card.deck.slug}`,
    reviews,
    timeZone: settings?.timeZone ?? "UTC",
  };
}

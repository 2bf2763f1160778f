import "server-only";
import { type SqlBool, sql } from "kysely";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { dialect, query } from "@/lib/query";
import { cardInDeck } from "@/lib/query/deck-membership";
import { isTrue, parseSqlDate } from "@/lib/query/values";
import { nextStudyDayStart } from "@/lib/srs";
import type { BrowserSort, CardBrowserQuery } from "@/lib/validations/card-browser";
import { visibleDeckWhere } from "./deck-access";

/**
 * The card browser: every card the learner can study, searched, filtered, sorted and paged in the
 * database. Its SQL lives here and only here, through the query builder (lib/query), the same
 * statement on both databases but for one word: case-insensitive LIKE (ILIKE on PostgreSQL).
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

/** The learner's cards in the visible decks `slugs` that match `filter`, with their state `s` (if any). */
function matching(userId: string, filter: CardBrowserQuery, slugs: string[], now: Date, dayEnd: Date) {
  let q = query()
    .selectFrom("Card as c")
    .innerJoin("Deck as d", "d.slug", "c.deckSlug")
    .leftJoin("CardState as s", (join) => join.onRef("s.cardId", "=", "c.id").on("s.userId", "=", userId))
    .where("c.retired", "=", false)
    .where("c.deckSlug", "in", slugs);
  if (filter.q) {
    // LIKE's own wildcards in the search text are matched literally. SQLite's LIKE already ignores
    // case (ASCII); PostgreSQL's does not, so it says ILIKE.
    const pattern = `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const like = sql.raw(dialect() === "sqlite" ? "LIKE" : "ILIKE");
    q = q.where(({ or }) =>
      or([
        sql<SqlBool>`${sql.ref("c.front")} ${like} ${pattern} ESCAPE '\\'`,
        sql<SqlBool>`${sql.ref("c.back")} ${like} ${pattern} ESCAPE '\\'`,
      ]),
    );
  }
  if (filter.deck) q = q.where(cardInDeck("c.id", filter.deck));
  if (filter.evidence) q = q.where("c.evidence", "=", filter.evidence);
  switch (filter.state) {
    case undefined:
      break;
    case "new":
      q = q.where((eb) => eb.or([eb("s.state", "is", null), eb("s.state", "=", "new")]));
      break;
    case "suspended":
      q = q.where("s.suspended", "=", true);
      break;
    case "buried":
      q = q.where("s.buriedUntil", ">", now);
      break;
    case "leech":
      q = q.where("s.leech", "=", true);
      break;
    default:
      q = q.where("s.state", "=", filter.state);
  }
  if (filter.due) {
    const day = 86_400_000;
    const until =
      filter.due === "overdue"
        ? now
        : filter.due === "week"
          ? new Date(dayEnd.getTime() + 6 * day)
          : filter.due === "month"
            ? new Date(dayEnd.getTime() + 29 * day)
            : dayEnd;
    q = q.where("s.state", "is not", null).where("s.state", "<>", "new").where("s.due", "<", until);
  }
  if (filter.lapses) q = q.where("s.lapses", ">=", filter.lapses);
  if (filter.flag !== undefined) q = q.where("s.flag", filter.flag === 0 ? ">" : "=", filter.flag);
  return q;
}

/** ORDER BY for a sort, every key in direction `dir`; never-seen cards sort after dated ones either way. */
function sorted(q: ReturnType<typeof matching>, sort: BrowserSort, dir: "asc" | "desc") {
  switch (sort) {
    case "deck":
      q = q.orderBy("d.position", dir).orderBy("d.slug", dir).orderBy("c.position", dir);
      break;
    case "front":
      q = q.orderBy("c.front", dir);
      break;
    case "due":
      q = q
        .orderBy(
          (eb) =>
            eb
              .case()
              .when(eb.or([eb("s.state", "is", null), eb("s.state", "=", "new")]))
              .then(eb.lit(1))
              .else(eb.lit(0))
              .end(),
          "asc",
        )
        .orderBy("s.due", dir);
      break;
    case "lapses":
      q = q.orderBy((eb) => eb.fn.coalesce("s.lapses", eb.lit(0)), dir);
      break;
    case "evidence":
      q = q.orderBy("c.evidence", dir);
      break;
    case "state":
      q = q.orderBy((eb) => eb.fn.coalesce("s.state", eb.val("new")), dir);
      break;
  }
  return q.orderBy("c.id", dir);
}

/** One page of the learner's cards matching `filter`, and how many match in all. */
export async function browseCards(userId: string, filter: CardBrowserQuery, now: Date): Promise<BrowserPage> {
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
  const matches = matching(userId, filter, slugs, now, dayEnd);
  const { n } = await matches.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const total = Number(n);
  const pageCount = Math.max(1, Math.ceil(total / BROWSER_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const rows = await sorted(matches, filter.sort, filter.dir)
    .select([
      "c.id",
      "c.front",
      "c.back",
      "c.evidence",
      "c.deckSlug",
      "d.title as deckTitle",
      "s.state",
      "s.due",
      "s.lapses",
      "s.reps",
      "s.suspended",
      "s.buriedUntil",
      "s.flag",
      "s.leech",
    ])
    .limit(BROWSER_PAGE_SIZE)
    .offset((page - 1) * BROWSER_PAGE_SIZE)
    .execute();
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

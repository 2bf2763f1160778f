import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { csvDay, toCsv } from "@/lib/trainer/csv";
import type { OnTrackStatus } from "@/lib/trainer/on-track";
import { ASSIGNMENT_LIVE } from "./access";
import {
  type ActiveClient,
  type AssignmentRow,
  activeClients,
  assignmentRows,
  type ClientRow,
  type ClientStatus,
  type ClientTotals,
  clientStatus,
  clientTotals,
  toClientRow,
} from "./client-rows";
import { historyRows } from "./progress";

export { type ClientDetail, getClientDetail } from "./client-detail";
export type { AssignmentRow, ClientRow, ClientStatus, ClientTotals } from "./client-rows";
export { type DeckInsight, getDeckInsight } from "./deck-insight";

export const CLIENTS_TABLE_SORTS = ["name", "lastActive", "reviews7d", "due", "overdue", "status"] as const;
export type ClientsTableSort = (typeof CLIENTS_TABLE_SORTS)[number];
export const CLIENTS_PAGE_SIZE = 50;
/** The table's status filter: a client matches when one of their (filtered) assignments has it; finished = all done. */
export const CLIENT_STATUS_FILTERS = ["on-track", "at-risk", "overdue", "finished"] as const;
export type ClientStatusFilter = (typeof CLIENT_STATUS_FILTERS)[number];

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** The table's URL parameters; anything unreadable falls back to the default (status, at-risk first). */
export const clientsTableQuerySchema = z.object({
  sort: z.preprocess(first, z.enum(CLIENTS_TABLE_SORTS)).catch("status"),
  direction: z.preprocess(first, z.enum(["asc", "desc"])).catch("asc"),
  search: z.preprocess(first, z.string().trim().max(200).optional()).catch(undefined),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000)).catch(1),
  /** A group id of the trainer's, or "none" for clients in no group. */
  group: z.preprocess(first, z.string().trim().min(1).max(100).optional()).catch(undefined),
  status: z.preprocess(first, z.enum(CLIENT_STATUS_FILTERS).optional()).catch(undefined),
  deck: z.preprocess(first, z.string().trim().min(1).max(100).optional()).catch(undefined),
});
/** What getClientsTable takes: URL parameters parsed by the schema, or any of them set directly. */
export interface ClientsTableQuery {
  sort?: ClientsTableSort;
  direction?: "asc" | "desc";
  search?: string;
  page?: number;
  group?: string;
  status?: ClientStatusFilter;
  deck?: string;
}

export interface ClientsTable {
  rows: ClientRow[];
  /** Clients matching the search, over all pages. */
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  sort: ClientsTableSort;
  direction: "asc" | "desc";
  search: string;
  group: string | null;
  status: ClientStatusFilter | null;
  deck: string | null;
}

const STATUS_RANK: Record<ClientStatus, number> = {
  "at-risk": 0,
  "on-track": 1,
  done: 2,
  "no-assignments": 3,
};
const byName = new Intl.Collator("en", { sensitivity: "base" });

type Sortable = ActiveClient & ClientTotals & { status?: ClientStatus };

// Never active sorts as the oldest activity. Ties fall back to the name, then the id, so pages are stable.
const SORT_KEY: Record<Exclude<ClientsTableSort, "name">, (row: Sortable) => number> = {
  lastActive: (row) => row.lastActive?.getTime() ?? Number.NEGATIVE_INFINITY,
  reviews7d: (row) => row.reviews7d,
  due: (row) => row.dueNow,
  overdue: (row) => row.overdueNow,
  status: (row) => STATUS_RANK[row.status ?? "no-assignments"],
};

function sortRows(rows: Sortable[], sort: ClientsTableSort, direction: "asc" | "desc"): void {
  const sign = direction === "desc" ? -1 : 1;
  const names = (a: Sortable, b: Sortable) =>
    byName.compare(a.name, b.name) || (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0);
  if (sort === "name") {
    rows.sort((a, b) => sign * names(a, b));
    return;
  }
  const key = SORT_KEY[sort];
  rows.sort((a, b) => sign * (key(a) - key(b)) || names(a, b));
}

function matches(client: ActiveClient, search: string): boolean {
  if (!search) return true;
  const needle = search.toLocaleLowerCase();
  return (
    client.name.toLocaleLowerCase().includes(needle) || client.email.toLocaleLowerCase().includes(needle)
  );
}

/** Clients with a live assignment of this deck from this trainer (one indexed lookup, Prisma). */
async function clientsWithLiveDeck(trainerId: string, deckSlug: string): Promise<Set<string>> {
  const rows = await db.assignment.findMany({
    where: { trainerId, deckSlug, ...ASSIGNMENT_LIVE },
    select: { clientId: true },
  });
  return new Set(rows.map((r) => r.clientId));
}

/** Whether a client's assignments (on the filtered deck, if any) match the status filter. */
function hasStatus(
  assignments: readonly AssignmentRow[],
  status: ClientStatusFilter,
  deck: string | null,
): boolean {
  const list = deck ? assignments.filter((a) => a.deckSlug === deck) : assignments;
  if (list.length === 0) return false;
  if (status === "finished") return list.every((a) => a.onTrack.status === "done");
  const wanted: OnTrackStatus = status;
  return list.some((a) => a.onTrack.status === wanted);
}

const NO_TOTALS: ClientTotals = { lastActive: null, reviews7d: 0, dueNow: 0, overdueNow: 0 };

/** The clients' totals, merged into their rows. */
async function withTotals(trainerId: string, rows: Sortable[], now: Date): Promise<void> {
  const totals = await clientTotals(trainerId, rows, now);
  for (const row of rows) Object.assign(row, totals.get(row.clientId) ?? NO_TOTALS);
}

/**
 * Every active client matching the search, the group and the deck, with totals unless
 * `totals` is false (not yet sorted, no assignments). The group is narrowed in SQL, so a group's
 * page reads only its members.
 */
async function matchingClients(
  trainerId: string,
  now: Date,
  query: z.output<typeof clientsTableQuerySchema>,
  only: readonly string[] | null = null,
  totals = true,
): Promise<Sortable[]> {
  const [all, withDeck] = await Promise.all([
    activeClients(trainerId, now, query.group ? { groupId: query.group } : null),
    query.deck ? clientsWithLiveDeck(trainerId, query.deck) : null,
  ]);
  const picked = only ? new Set(only) : null;
  const clients = all.filter(
    (c) =>
      matches(c, query.search ?? "") &&
      (!withDeck || withDeck.has(c.clientId)) &&
      (!picked || picked.has(c.clientId)),
  );
  const rows = clients.map((c): Sortable => ({ ...c, ...NO_TOTALS }));
  if (totals) await withTotals(trainerId, rows, now);
  return rows;
}

/**
 * One page of the trainer's active clients. Totals are grouped in SQL over every client at once;
 * assignment progress (which needs every introduced card's schedule) is read for the page's
 * clients only, unless the sort is by status, which needs it for all.
 */
export async function getClientsTable(
  trainerId: string,
  now: Date,
  query: ClientsTableQuery = {},
): Promise<ClientsTable> {
  const q = clientsTableQuerySchema.parse(query);
  // Sorting by name or status needs no totals: they are read for the page's rows only.
  const sortNeedsTotals = q.sort !== "name" && q.sort !== "status";
  let rows = await matchingClients(trainerId, now, q, null, sortNeedsTotals);
  let assignments: Map<string, AssignmentRow[]> | null = null;
  // Filtering by status needs every matching client's assignments, as sorting by status does.
  if (q.status || q.sort === "status") {
    assignments = await assignmentRows(trainerId, rows, now);
    const status = q.status;
    if (status) {
      const all = assignments;
      rows = rows.filter((row) => hasStatus(all.get(row.clientId) ?? [], status, q.deck ?? null));
    }
  }
  const total = rows.length;
  const pageCount = Math.max(1, Math.ceil(total / CLIENTS_PAGE_SIZE));
  const page = Math.min(q.page, pageCount);
  let pageRows: Sortable[];
  if (assignments && q.sort === "status") {
    for (const row of rows) row.status = clientStatus(assignments.get(row.clientId) ?? []);
    sortRows(rows, q.sort, q.direction);
    pageRows = rows.slice((page - 1) * CLIENTS_PAGE_SIZE, page * CLIENTS_PAGE_SIZE);
  } else {
    sortRows(rows, q.sort, q.direction);
    pageRows = rows.slice((page - 1) * CLIENTS_PAGE_SIZE, page * CLIENTS_PAGE_SIZE);
    assignments ??= await assignmentRows(trainerId, pageRows, now);
  }
  if (!sortNeedsTotals) await withTotals(trainerId, pageRows, now);
  const assigned = assignments;
  return {
    rows: pageRows.map((row) => toClientRow(row, row, assigned.get(row.clientId) ?? [])),
    total,
    page,
    pageSize: CLIENTS_PAGE_SIZE,
    pageCount,
    sort: q.sort,
    direction: q.direction,
    search: q.search ?? "",
    group: q.group ?? null,
    status: q.status ?? null,
    deck: q.deck ?? null,
  };
}

const CSV_HEADER = [
  "Name",
  "Email",
  "Status",
  "Last active",
  "Reviews (7 days)",
  "Due now",
  "Overdue",
  "Deck",
  "Goal",
  "Due date",
  "Cards introduced",
  "Cards total",
  "Predicted recall now (%)",
  "Cards forgotten (7 days)",
  "Lapses",
  "Best quiz (%)",
  "Last quiz (%)",
  "On track",
  "Reason",
];

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
const rounded = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/**
 * The whole clients table (every page, status order) as RFC 4180 CSV with a header row: one
 * record per client and assignment, one with empty assignment cells for a client without any.
 */
export async function clientsCsv(
  trainerId: string,
  now: Date,
  filter: { group?: string; clientIds?: readonly string[] } = {},
): Promise<string> {
  const rows = await matchingClients(
    trainerId,
    now,
    clientsTableQuerySchema.parse({ group: filter.group }),
    filter.clientIds ?? null,
  );
  const assignments = await assignmentRows(trainerId, rows, now);
  for (const row of rows) row.status = clientStatus(assignments.get(row.clientId) ?? []);
  sortRows(rows, "status", "asc");
  const records = rows.flatMap((row) => {
    const client = [
      row.name,
      row.email,
      row.status ?? "no-assignments",
      iso(row.lastActive),
      row.reviews7d,
      row.dueNow,
      row.overdueNow,
    ];
    const list = assignments.get(row.clientId) ?? [];
    if (list.length === 0) return [[...client, ...Array<null>(CSV_HEADER.length - client.length).fill(null)]];
    return list.map((a) => [
      ...client,
      a.deckTitle,
      a.goal,
      csvDay(a.dueAt),
      a.introduced,
      a.cards,
      percent(a.predictedRecall),
      a.forgottenCards7d,
      a.lapses,
      rounded(a.bestQuiz),
      rounded(a.lastQuiz),
      a.onTrack.status,
      a.onTrack.reason,
    ]);
  });
  return toCsv([CSV_HEADER, ...records]);
}

const HISTORY_HEADER = [
  "Name",
  "Email",
  "Group",
  "Deck",
  "Week starting",
  "Reviews",
  "Review answers",
  "Retention (%)",
  "Predicted recall at week end (%)",
  "Cards studied by then",
];

/** Week-by-week history of the clients' assignments (lib/data/trainer/progress), one record per assignment and week. */
export async function clientsHistoryCsv(
  trainerId: string,
  now: Date,
  filter: { group?: string; clientIds?: readonly string[] } = {},
): Promise<string> {
  const rows = await matchingClients(
    trainerId,
    now,
    clientsTableQuerySchema.parse({ group: filter.group }),
    filter.clientIds ?? null,
  );
  sortRows(rows, "name", "asc");
  const history = await historyRows(trainerId, rows, now);
  const byClient = new Map<string, typeof history>();
  for (const a of history) byClient.set(a.clientId, [...(byClient.get(a.clientId) ?? []), a]);
  const records = rows.flatMap((row) =>
    (byClient.get(row.clientId) ?? []).flatMap((a) =>
      a.weeks.map((w) => [
        row.name,
        row.email,
        row.groupName,
        a.deckTitle,
        csvDay(w.weekStart),
        w.reviews,
        w.reviewAnswers,
        percent(w.retention),
        percent(w.predictedRecall),
        w.cards,
      ]),
    ),
  );
  return toCsv([HISTORY_HEADER, ...records]);
}

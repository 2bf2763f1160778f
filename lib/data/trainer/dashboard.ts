import "server-only";
import { z } from "zod";
import { toCsv } from "@/lib/trainer/csv";
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

export { type ClientDetail, getClientDetail } from "./client-detail";
export type { AssignmentRow, ClientRow, ClientStatus, ClientTotals } from "./client-rows";
export { type DeckInsight, getDeckInsight } from "./deck-insight";

export const CLIENTS_TABLE_SORTS = ["name", "lastActive", "reviews7d", "due", "overdue", "status"] as const;
export type ClientsTableSort = (typeof CLIENTS_TABLE_SORTS)[number];
export const CLIENTS_PAGE_SIZE = 50;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** The table's URL parameters; anything unreadable falls back to the default (status, at-risk first). */
export const clientsTableQuerySchema = z.object({
  sort: z.preprocess(first, z.enum(CLIENTS_TABLE_SORTS)).catch("status"),
  direction: z.preprocess(first, z.enum(["asc", "desc"])).catch("asc"),
  search: z.preprocess(first, z.string().trim().max(200).optional()).catch(undefined),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000)).catch(1),
});
/** What getClientsTable takes: URL parameters parsed by the schema, or any of them set directly. */
export interface ClientsTableQuery {
  sort?: ClientsTableSort;
  direction?: "asc" | "desc";
  search?: string;
  page?: number;
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

/** Every active client matching the search, with totals (not yet sorted, no assignments). */
async function matchingClients(
  trainerId: string,
  now: Date,
  query: z.output<typeof clientsTableQuerySchema>,
): Promise<Sortable[]> {
  const clients = (await activeClients(trainerId, now)).filter((c) => matches(c, query.search ?? ""));
  const totals = await clientTotals(trainerId, clients, now);
  return clients.map(
    (c): Sortable => ({
      ...c,
      ...(totals.get(c.clientId) ?? { lastActive: null, reviews7d: 0, dueNow: 0, overdueNow: 0 }),
    }),
  );
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
  const rows = await matchingClients(trainerId, now, q);
  const total = rows.length;
  const pageCount = Math.max(1, Math.ceil(total / CLIENTS_PAGE_SIZE));
  const page = Math.min(q.page, pageCount);
  let pageRows: Sortable[];
  let assignments: Map<string, AssignmentRow[]>;
  if (q.sort === "status") {
    assignments = await assignmentRows(trainerId, rows, now);
    for (const row of rows) row.status = clientStatus(assignments.get(row.clientId) ?? []);
    sortRows(rows, q.sort, q.direction);
    pageRows = rows.slice((page - 1) * CLIENTS_PAGE_SIZE, page * CLIENTS_PAGE_SIZE);
  } else {
    sortRows(rows, q.sort, q.direction);
    pageRows = rows.slice((page - 1) * CLIENTS_PAGE_SIZE, page * CLIENTS_PAGE_SIZE);
    assignments = await assignmentRows(trainerId, pageRows, now);
  }
  return {
    rows: pageRows.map((row) => toClientRow(row, row, assignments.get(row.clientId) ?? [])),
    total,
    page,
    pageSize: CLIENTS_PAGE_SIZE,
    pageCount,
    sort: q.sort,
    direction: q.direction,
    search: q.search ?? "",
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
export async function clientsCsv(trainerId: string, now: Date): Promise<string> {
  const rows = await matchingClients(trainerId, now, clientsTableQuerySchema.parse({}));
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
      iso(a.dueAt),
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

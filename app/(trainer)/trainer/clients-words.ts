import type { ClientStatus, ClientsTableSort } from "@/lib/data/trainer/dashboard";
import type { OnTrackStatus } from "@/lib/trainer/on-track";

/** How the trainer's client pages put things into words. Pure: `now` is always a parameter. */

export const TRACK_LABEL: Record<OnTrackStatus, string> = {
  done: "Done",
  "on-track": "On track",
  "at-risk": "At risk",
  overdue: "Overdue",
  "no-deadline": "No due date",
};

/** A shape next to each label, so the marker reads without colour (the label says it in words too). */
export const TRACK_SYMBOL: Record<OnTrackStatus, string> = {
  done: "✓",
  "on-track": "→",
  "at-risk": "!",
  overdue: "!",
  "no-deadline": "–",
};

export const STATUS_LABEL: Record<ClientStatus, string> = {
  "at-risk": "At risk",
  "on-track": "On track",
  done: "All done",
  "no-assignments": "No decks",
};

export const STATUS_SYMBOL: Record<ClientStatus, string> = {
  "at-risk": "!",
  "on-track": "→",
  done: "✓",
  "no-assignments": "–",
};

export const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;

/** Share 0–1 as a whole percent; "—" when unknown. */
export const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);

/** Quiz scores are rounded down, as the on-track reasons do, so a score under a goal never reads as it. */
export const quizPercent = (score: number) => `${Math.floor(score + 1e-9)}%`;

export function quizText(best: number | null, last: number | null): string {
  if (best === null) return "No quiz yet";
  if (last === null || Math.floor(last) === Math.floor(best)) return `Quiz ${quizPercent(best)}`;
  return `Quiz best ${quizPercent(best)}, last ${quizPercent(last)}`;
}

/** What the client struggles with on a deck: cards forgotten this week and lapses so far. */
export function struggleText(assignment: { forgottenCards7d: number; lapses: number }): string {
  const forgotten =
    assignment.forgottenCards7d === 0
      ? "none forgotten in 7 days"
      : `${plural(assignment.forgottenCards7d, "card")} forgotten in 7 days`;
  return `${forgotten}, ${plural(assignment.lapses, "lapse")}`;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const shortDateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export const dateText = (date: Date) => dateFormat.format(date);
export const shortDateText = (date: Date) => shortDateFormat.format(date);
/** For title attributes: the exact moment, in UTC (the trainer's and client's zones may differ). */
export const dateTimeText = (date: Date) => `${dateTimeFormat.format(date)} UTC`;

const MINUTE = 60_000;

/** "Just now", "25 min ago", "3 h ago", "4 days ago", then the date; "Never" without activity. */
export function agoText(date: Date | null, now: Date): string {
  if (!date) return "Never";
  const minutes = Math.floor((now.getTime() - date.getTime()) / MINUTE);
  if (minutes < 1) return "Just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 30) return `${plural(days, "day")} ago`;
  return dateText(date);
}

/** "Showing 51–100 of 500" for the table's current page. */
export function showingText(page: number, pageSize: number, total: number): string {
  if (total === 0) return "No clients to show";
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return first === last
    ? `Showing ${first} of ${total.toLocaleString("en-GB")}`
    : `Showing ${first.toLocaleString("en-GB")}–${last.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")}`;
}

export interface ClientsTableState {
  sort: ClientsTableSort;
  direction: "asc" | "desc";
  search: string;
  page: number;
  group?: string | null;
  status?: string | null;
  deck?: string | null;
}

/** The clients table's URL; `q` is the search, as the search form sends it. */
export function clientsHref(state: ClientsTableState, change: Partial<ClientsTableState> = {}): string {
  const next = { ...state, ...change };
  const params = new URLSearchParams({ sort: next.sort, direction: next.direction });
  if (next.search) params.set("q", next.search);
  if (next.group) params.set("group", next.group);
  if (next.status) params.set("status", next.status);
  if (next.deck) params.set("deck", next.deck);
  if (next.page > 1) params.set("page", String(next.page));
  return `/trainer?${params}`;
}

export const STATUS_FILTER_LABEL: Record<string, string> = {
  "on-track": "On track",
  "at-risk": "At risk",
  overdue: "Overdue",
  finished: "Finished",
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The page's search parameters as getClientsTable reads them (the search box sends `q`). */
export function clientsTableParams(params: Record<string, string | string[] | undefined>) {
  return {
    sort: first(params.sort),
    direction: first(params.direction),
    search: first(params.q),
    page: first(params.page),
    group: first(params.group),
    status: first(params.status),
    deck: first(params.deck),
  };
}

import Link from "next/link";
import { Pagination } from "@/app/ui/pagination";
import { SortableHeader } from "@/app/ui/sortable-header";
import type { ClientsTable as ClientsTableData, ClientsTableSort } from "@/lib/data/trainer/dashboard";
import { BulkBar } from "./bulk-bar";
import { AssignmentSummary, ClientStatusPill } from "./clients-assignment";
import styles from "./clients-table.module.css";
import {
  agoText,
  type ClientsTableState,
  clientsHref,
  dateTimeText,
  STATUS_FILTER_LABEL,
  showingText,
} from "./clients-words";
import trainer from "./trainer.module.css";

const COLUMNS: { key: ClientsTableSort; label: string; numeric?: boolean; first: "asc" | "desc" }[] = [
  { key: "name", label: "Client", first: "asc" },
  { key: "lastActive", label: "Last active", first: "asc" },
  { key: "reviews7d", label: "Reviews, 7 days", numeric: true, first: "asc" },
  { key: "due", label: "Due now", numeric: true, first: "desc" },
  { key: "overdue", label: "Overdue", numeric: true, first: "desc" },
];
// On a phone the wrapper stops scrolling and each row becomes a card (see trainer.module.css).
const SCROLL_CLASS = `stats-table-scroll card ${trainer.clientsScroll}`;
const STATUS_COLUMN = { key: "status", label: "Status", first: "asc" } as const;

function SortHeader({
  column,
  table,
  rowHeader = false,
}: {
  column: { key: ClientsTableSort; label: string; numeric?: boolean; first: "asc" | "desc" };
  table: ClientsTableState;
  rowHeader?: boolean;
}) {
  const active = table.sort === column.key;
  // A column opens in the order a trainer most likely wants: fewest reviews, most due first.
  const next = active ? (table.direction === "asc" ? "desc" : "asc") : column.first;
  const classes = [column.numeric && "numeric", rowHeader && trainer.clientCol].filter(Boolean).join(" ");
  return (
    <SortableHeader
      label={column.label}
      href={clientsHref(table, { sort: column.key, direction: next, page: 1 })}
      active={active}
      direction={table.direction}
      next={next}
      className={classes || undefined}
    />
  );
}

export interface TableFilterOptions {
  groups: { id: string; name: string; clients: number }[];
  decks: { slug: string; title: string }[];
}

function FilterForm({ state, options }: { state: ClientsTableState; options: TableFilterOptions }) {
  const filtered = Boolean(state.search || state.group || state.status || state.deck);
  return (
    <search>
      <form method="get" action="/trainer" className={styles.filters}>
        <input type="hidden" name="sort" value={state.sort} />
        <input type="hidden" name="direction" value={state.direction} />
        <div className={`field ${styles.filter}`}>
          <label htmlFor="client-search">Find a client</label>
          <input
            id="client-search"
            type="search"
            name="q"
            defaultValue={state.search}
            placeholder="Name or email"
            className="input"
            maxLength={200}
            autoComplete="off"
          />
        </div>
        <div className={`field ${styles.filter}`}>
          <label htmlFor="filter-group">Group</label>
          <select id="filter-group" name="group" defaultValue={state.group ?? ""}>
            <option value="">All clients</option>
            {options.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name} ({g.clients})
              </option>
            ))}
            <option value="none">In no group</option>
          </select>
        </div>
        <div className={`field ${styles.filter}`}>
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={state.status ?? ""}>
            <option value="">Any status</option>
            {Object.entries(STATUS_FILTER_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className={`field ${styles.filter}`}>
          <label htmlFor="filter-deck">Deck</label>
          <select id="filter-deck" name="deck" defaultValue={state.deck ?? ""}>
            <option value="">Any deck</option>
            {options.decks.map((d) => (
              <option key={d.slug} value={d.slug}>
                {d.title}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.filterButtons}>
          <button type="submit" className="button secondary">
            Show
          </button>
          {filtered && (
            <Link href={clientsHref(state, { search: "", group: null, status: null, deck: null, page: 1 })}>
              Show all
            </Link>
          )}
        </div>
      </form>
    </search>
  );
}

/** The trainer's clients, sorted, searched and paged on the server; plain links and a GET form. */
export function ClientsTable({
  table,
  now,
  options,
}: {
  table: ClientsTableData;
  now: Date;
  options: TableFilterOptions;
}) {
  const group = table.group ? options.groups.find((g) => g.id === table.group) : undefined;
  const state: ClientsTableState = table;
  const showing = showingText(table.page, table.pageSize, table.total);
  return (
    <section aria-labelledby="clients-table-heading">
      <div className="section-title">
        <h2 id="clients-table-heading">Clients</h2>
        <span className="muted small" id="clients-showing">
          {showing}
        </span>
      </div>
      <FilterForm state={state} options={options} />
      {table.rows.length === 0 ? (
        <div className="card empty-state">
          <p>
            {table.search
              ? `No client matches “${table.search}”. Search looks at names and email addresses.`
              : "No client matches these filters."}
          </p>
          <Link href={clientsHref(state, { search: "", page: 1 })} className="button secondary">
            Show all clients
          </Link>
        </div>
      ) : (
        <>
          <BulkBar
            group={group ? { id: group.id, name: group.name } : null}
            groups={options.groups.map(({ id, name }) => ({ id, name }))}
            decks={options.decks}
          />
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard */}
          <section className={SCROLL_CLASS} aria-label="Clients table" tabIndex={0}>
            <table className={`stats-table ${trainer.clientsTable}`} aria-describedby="clients-showing">
              <thead>
                <tr>
                  {COLUMNS.map((column, i) => (
                    <SortHeader key={column.key} column={column} table={state} rowHeader={i === 0} />
                  ))}
                  <th scope="col" className={trainer.decksCol}>
                    Assigned decks
                  </th>
                  <SortHeader column={STATUS_COLUMN} table={state} />
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.clientId}>
                    <th scope="row" className={trainer.clientCol}>
                      <div className={styles.picked}>
                        <input
                          type="checkbox"
                          name="clientIds"
                          value={row.clientId}
                          form="bulk-form"
                          aria-label={`Select ${row.name}`}
                          className={styles.pick}
                        />
                        <div>
                          <Link href={`/trainer/clients/${row.clientId}`} className={trainer.clientName}>
                            {row.name}
                          </Link>
                          <span className={`${trainer.clientEmail} small muted`}>{row.email}</span>
                          {row.groupName && (
                            <span className={`small ${styles.groupTag}`}>{row.groupName}</span>
                          )}
                        </div>
                      </div>
                    </th>
                    <td className="nowrap" data-label="Last active">
                      {row.lastActive ? (
                        <time dateTime={row.lastActive.toISOString()} title={dateTimeText(row.lastActive)}>
                          {agoText(row.lastActive, now)}
                        </time>
                      ) : (
                        <span className="muted">Never</span>
                      )}
                    </td>
                    <td className="numeric" data-label="Reviews, 7 days">
                      {row.reviews7d}
                    </td>
                    <td className="numeric" data-label="Due now">
                      {row.dueNow}
                    </td>
                    <td className="numeric" data-label="Overdue">
                      {row.overdueNow}
                    </td>
                    <td className={trainer.assignmentsCell}>
                      {row.assignments.length === 0 ? (
                        <span className="muted small">
                          No decks assigned. <Link href="/trainer/clients/assign">Assign a deck</Link>
                        </span>
                      ) : (
                        <ul className={trainer.clientAssignments}>
                          {row.assignments.map((assignment) => (
                            <li key={assignment.assignmentId}>
                              <AssignmentSummary assignment={assignment} />
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className={trainer.statusCell}>
                      <ClientStatusPill status={row.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {table.pageCount > 1 && (
            <Pagination
              page={table.page}
              pageCount={table.pageCount}
              hrefFor={(page) => clientsHref(state, { page })}
              label="Client table pages"
            />
          )}
        </>
      )}
    </section>
  );
}

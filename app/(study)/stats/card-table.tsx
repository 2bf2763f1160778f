import { Pagination } from "@/app/ui/pagination";
import { ScrollTable } from "@/app/ui/scroll-table";
import { SortableHeader } from "@/app/ui/sortable-header";
import type { CardTable as CardTableData, CardTableSort, SortDirection } from "@/lib/data/stats";
import { dueLabel, fullDateTime, percent, plural, stabilityLabel } from "./format";
import styles from "./stats.module.css";

const COLUMNS: { key: CardTableSort; label: string; numeric?: boolean }[] = [
  { key: "front", label: "Card" },
  { key: "deck", label: "Deck" },
  { key: "state", label: "State" },
  { key: "due", label: "Due" },
  { key: "stability", label: "Stability", numeric: true },
  { key: "difficulty", label: "Difficulty", numeric: true },
  { key: "retrievability", label: "Recall", numeric: true },
  { key: "lapses", label: "Lapses", numeric: true },
  { key: "reps", label: "Reviews", numeric: true },
];

type TableState = Pick<CardTableData, "sort" | "direction" | "deck" | "page">;

function href(state: TableState, change: Partial<TableState>): string {
  const next = { ...state, ...change };
  const params = new URLSearchParams({ sort: next.sort, direction: next.direction });
  if (next.deck) params.set("deck", next.deck);
  if (next.page > 1) params.set("page", String(next.page));
  return `/stats?${params}#cards-heading`;
}

function SortHeader({ column, table }: { column: (typeof COLUMNS)[number]; table: TableState }) {
  const active = table.sort === column.key;
  const next: SortDirection = active && table.direction === "asc" ? "desc" : "asc";
  return (
    <SortableHeader
      label={column.label}
      href={href(table, { sort: column.key, direction: next, page: 1 })}
      active={active}
      direction={table.direction}
      next={next}
      className={column.numeric ? "numeric" : undefined}
    />
  );
}

/** The learner's introduced cards, sorted and paged on the server; plain links, no client code. */
export function CardTable({ table, now }: { table: CardTableData; now: Date }) {
  const state: TableState = table;
  return (
    <section aria-labelledby="cards-heading">
      <div className="section-title">
        <h2 id="cards-heading">Your cards</h2>
        <span className="muted small">{plural(table.total, "card")} studied</span>
      </div>
      <form method="get" action="/stats#cards-heading" className={`row ${styles.tableFilter}`}>
        <input type="hidden" name="sort" value={table.sort} />
        <input type="hidden" name="direction" value={table.direction} />
        <label htmlFor="deck-filter">Deck</label>
        <select id="deck-filter" name="deck" defaultValue={table.deck ?? ""} className="input">
          <option value="">All decks</option>
          {table.decks.map((deck) => (
            <option key={deck.slug} value={deck.slug}>
              {deck.title}
            </option>
          ))}
        </select>
        <button type="submit" className="button secondary">
          Show
        </button>
      </form>
      {table.rows.length === 0 ? (
        <div className="card empty-state">
          {table.deck
            ? "You have not studied any card of this deck yet."
            : "You have not studied any cards yet."}
        </div>
      ) : (
        <>
          <ScrollTable label="Card table">
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <SortHeader key={column.key} column={column} table={state} />
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.cardId}>
                  <td className="card-front">{row.front}</td>
                  <td className={styles.deckCell}>{row.deckTitle}</td>
                  <td>
                    <span className={`pill state-${row.state}`}>{row.state}</span>
                  </td>
                  <td className="nowrap">
                    <time dateTime={row.due.toISOString()} title={fullDateTime(row.due, table.clock)}>
                      {dueLabel(row.due, now, table.clock)}
                    </time>
                  </td>
                  <td className="numeric">{stabilityLabel(row.stability)}</td>
                  <td className="numeric">{row.difficulty.toFixed(1)}</td>
                  <td className="numeric">{percent(row.retrievability)}</td>
                  <td className="numeric">{row.lapses}</td>
                  <td className="numeric">{row.reps}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          <Pagination
            page={table.page}
            pageCount={table.pageCount}
            hrefFor={(page) => href(state, { page })}
            label="Card table pages"
          />
        </>
      )}
    </section>
  );
}

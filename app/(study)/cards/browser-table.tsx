import Link from "next/link";
import { EvidenceBadge } from "@/app/ui/evidence-badge";
import { EVIDENCE_LABELS, type EvidenceLevel } from "@/app/ui/evidence-labels";
import { Pagination } from "@/app/ui/pagination";
import { SortableHeader } from "@/app/ui/sortable-header";
import type { BrowserCard, BrowserPage } from "@/lib/data/card-browser";
import { revealedCloze } from "@/lib/study/cloze";
import type { BrowserSort, CardBrowserQuery } from "@/lib/validations/card-browser";
import { flagName } from "@/lib/validations/card-marks";
import { dueLabel, plural } from "../stats/format";
import { FlagDot } from "../study/card-marks";
import { browserHref } from "./browser-url";
import { BulkForm } from "./bulk-form";
import styles from "./cards.module.css";

const COLUMNS: { key: BrowserSort; label: string; className?: string }[] = [
  { key: "front", label: "Card" },
  { key: "deck", label: "Deck", className: styles.wide },
  { key: "state", label: "State" },
  { key: "due", label: "Due" },
  { key: "lapses", label: "Lapses", className: `numeric ${styles.wide}` },
  { key: "evidence", label: "Evidence", className: styles.wide },
];

const isEvidenceLevel = (value: string): value is EvidenceLevel => Object.hasOwn(EVIDENCE_LABELS, value);
const STATE_WORDS: Record<string, string> = {
  new: "New",
  learning: "Learning",
  review: "Review",
  relearning: "Relearning",
};

function Marks({ card }: { card: BrowserCard }) {
  return (
    <>
      {card.suspended && <span className="pill">Suspended</span>}
      {card.buried && <span className="pill">Buried</span>}
      {card.leech && <span className="pill">Leech</span>}
      {card.flag > 0 && (
        <span className="pill">
          <FlagDot flag={card.flag} /> {flagName(card.flag)}
        </span>
      )}
    </>
  );
}

export function BrowserTable({ page, query }: { page: BrowserPage; query: CardBrowserQuery }) {
  const now = new Date();
  const shown = page.cards.length;
  const first = (page.page - 1) * 50 + 1;
  return (
    <section aria-labelledby="cards-found" className="stack">
      <h2 id="cards-found" className={styles.found} aria-live="polite">
        {page.total === 0
          ? "No cards match"
          : `${plural(page.total, "card")}${page.pageCount > 1 ? `, ${first}–${first + shown - 1} shown` : ""}`}
      </h2>
      {/* Always mounted: the message of the last bulk action stays when no card matches any more. */}
      <BulkForm>
        {page.total > 0 && (
          <div className="stats-table-scroll">
            <table className={`stats-table ${styles.table}`}>
              <caption className="visually-hidden">Your cards; column headers sort the table.</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Tick</span>
                  </th>
                  {COLUMNS.map((column) => {
                    const active = query.sort === column.key;
                    const next = active && query.dir === "asc" ? "desc" : "asc";
                    return (
                      <SortableHeader
                        key={column.key}
                        label={column.label}
                        href={browserHref(query, { sort: column.key, dir: next, page: 1 })}
                        active={active}
                        direction={query.dir}
                        next={next}
                        className={column.className}
                      />
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {page.cards.map((card) => (
                  <tr key={card.id}>
                    <td>
                      <input
                        type="checkbox"
                        name="cardId"
                        value={card.id}
                        className={styles.tick}
                        aria-label={`Tick “${revealedCloze(card.front).slice(0, 80)}”`}
                      />
                    </td>
                    <td className="card-front">
                      <Link href={`/cards/${encodeURIComponent(card.id)}`}>{revealedCloze(card.front)}</Link>
                    </td>
                    <td className={styles.wide}>{card.deckTitle}</td>
                    <td>
                      <span className={styles.state}>
                        {STATE_WORDS[card.state] ?? card.state} <Marks card={card} />
                      </span>
                    </td>
                    <td className="nowrap">
                      <span className={styles.narrowLabel}>Due: </span>
                      {card.due ? dueLabel(card.due, now, page.clock) : "—"}
                    </td>
                    <td className={`numeric ${styles.wide}`}>{card.lapses}</td>
                    <td className={styles.wide}>
                      {isEvidenceLevel(card.evidence) ? (
                        <EvidenceBadge level={card.evidence} />
                      ) : (
                        card.evidence
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </BulkForm>
      {page.pageCount > 1 && (
        <Pagination
          page={page.page}
          pageCount={page.pageCount}
          hrefFor={(n) => browserHref(query, { page: n })}
          label="Pages of cards"
        />
      )}
    </section>
  );
}

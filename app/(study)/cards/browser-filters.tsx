import Link from "next/link";
import { EVIDENCE_LABELS } from "@/app/ui/evidence-labels";
import { EVIDENCE_LEVELS } from "@/lib/content/evidence";
import { type CardBrowserQuery, FLAGS_FILTER } from "@/lib/validations/card-browser";
import styles from "./cards.module.css";

const STATES = [
  ["new", "New"],
  ["learning", "Learning"],
  ["review", "Review"],
  ["relearning", "Relearning"],
  ["suspended", "Suspended"],
  ["buried", "Buried"],
  ["leech", "Leech"],
] as const;

const DUE = [
  ["overdue", "Overdue"],
  ["today", "Due today"],
  ["week", "Due within 7 days"],
  ["month", "Due within 30 days"],
] as const;

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | number | undefined;
  options: readonly (readonly [string, string])[];
}) {
  return (
    <div className={styles.filter}>
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value === undefined ? "" : String(value)}>
        <option value="">Any</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A plain GET form: the filters are the URL, so a search can be bookmarked and works without script. */
export function BrowserFilters({
  query,
  decks,
}: {
  query: CardBrowserQuery;
  decks: { slug: string; title: string }[];
}) {
  return (
    <search aria-label="Cards">
      <form method="get" action="/cards" className={`card ${styles.filters}`}>
        <div className={`${styles.filter} ${styles.search}`}>
          <label htmlFor="filter-q">Search</label>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={query.q ?? ""}
            placeholder="Words on the front or back"
          />
        </div>
        <Select
          name="deck"
          label="Deck"
          value={query.deck}
          options={decks.map((d) => [d.slug, d.title] as const)}
        />
        <Select name="state" label="State" value={query.state} options={STATES} />
        <Select
          name="evidence"
          label="Evidence"
          value={query.evidence}
          options={EVIDENCE_LEVELS.map((level) => [level, EVIDENCE_LABELS[level].label] as const)}
        />
        <Select name="due" label="Due" value={query.due} options={DUE} />
        <Select name="flag" label="Flag" value={query.flag} options={FLAGS_FILTER} />
        <div className={styles.filter}>
          <label htmlFor="filter-lapses">Lapses at least</label>
          <input
            id="filter-lapses"
            name="lapses"
            type="number"
            min={1}
            max={1000}
            inputMode="numeric"
            defaultValue={query.lapses ?? ""}
          />
        </div>
        {query.sort !== "deck" && <input type="hidden" name="sort" value={query.sort} />}
        {query.dir !== "asc" && <input type="hidden" name="dir" value={query.dir} />}
        <div className={styles.filterActions}>
          <button type="submit" className="button">
            Search
          </button>
          <Link href="/cards" className="button secondary">
            Clear
          </Link>
        </div>
      </form>
    </search>
  );
}

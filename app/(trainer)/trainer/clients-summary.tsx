import Link from "next/link";
import { type StatTile, StatTiles } from "@/app/ui/stat-tiles";
import type { ClientsSummary } from "@/lib/data/trainer/client-pages";
import { plural } from "./clients-words";
import styles from "./trainer.module.css";

/** The three numbers a trainer checks first, over all clients whatever the table shows. */
export function ClientsSummaryStrip({ summary }: { summary: ClientsSummary }) {
  const tiles: StatTile[] = [
    { value: summary.clients.toLocaleString("en-GB"), label: summary.clients === 1 ? "client" : "clients" },
    {
      value: summary.atRisk.toLocaleString("en-GB"),
      label: "at risk",
      note: "behind on an assigned deck, or past its due date",
      tone: summary.atRisk > 0 ? "warn" : undefined,
    },
    {
      value: summary.reviews7d.toLocaleString("en-GB"),
      label: summary.reviews7d === 1 ? "review in the last 7 days" : "reviews in the last 7 days",
      note: "on the decks you assigned",
    },
  ];
  return <StatTiles tiles={tiles} layout="compact" />;
}

/** Links to each assigned deck's insight page. */
export function DeckInsightLinks({ decks }: { decks: ClientsSummary["decks"] }) {
  return (
    <section aria-labelledby="insight-heading">
      <div className="section-title">
        <h2 id="insight-heading">Deck insight</h2>
      </div>
      <div className="card">
        <p className="muted small">
          Which cards your clients forget most and which wrong answers they pick, per deck you assigned.
        </p>
        {decks.length === 0 ? (
          <p className="small">
            No decks assigned yet. <Link href="/trainer/clients/assign">Assign a deck</Link> to see where your
            clients struggle.
          </p>
        ) : (
          <ul className={styles.insightLinks}>
            {decks.map((deck) => (
              <li key={deck.slug}>
                <Link href={`/trainer/insight/${deck.slug}`}>{deck.title}</Link>{" "}
                <span className="muted small">assigned to {plural(deck.clients, "client")}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

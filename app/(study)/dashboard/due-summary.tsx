import Link from "next/link";
import dashboard from "./dashboard.module.css";

interface DueSummaryProps {
  /** Due (re)learning cards and reviews across all decks. */
  due: number;
  /** New cards available today across all decks. */
  fresh: number;
  /** Whether the learner has studied any card yet. */
  started: boolean;
}

export function DueSummary({ due, fresh, started }: DueSummaryProps) {
  if (due + fresh === 0) {
    return (
      <div className="card empty-state">
        {started
          ? "All caught up: nothing is due and today's new cards are done. Come back tomorrow."
          : "Nothing is due yet. Start a deck below to begin."}
      </div>
    );
  }
  return (
    <div className={`card ${dashboard.dueSummary}`}>
      <dl className={dashboard.dueCounts}>
        <div>
          <dt>Due now</dt>
          <dd>{due}</dd>
        </div>
        <div>
          <dt>New today</dt>
          <dd>{fresh}</dd>
        </div>
      </dl>
      <p className={`muted small ${dashboard.dueNote}`}>
        {due > 0
          ? `${due} ${due === 1 ? "card is" : "cards are"} waiting across your decks.`
          : "No reviews are waiting. New cards are ready to start."}
      </p>
      <Link href="/study" className="button">
        Study now
      </Link>
    </div>
  );
}

import Link from "next/link";
import type { DeckProgress } from "@/lib/data/dashboard";
import dashboard from "./dashboard.module.css";

function StudyAction({ deck }: { deck: DeckProgress }) {
  if (deck.due + deck.newAvailable === 0) {
    return <p className={dashboard.doneToday}>✓ Done for today</p>;
  }
  return (
    <Link href={`/study?deck=${encodeURIComponent(deck.slug)}`} className="button">
      {deck.introduced > 0 ? "Study now" : "Start"}
      <span className="visually-hidden">: {deck.title}</span>
    </Link>
  );
}

/** One deck on the dashboard: what is due, what is new, how far along, how well remembered. */
export function DeckProgressCard({ deck }: { deck: DeckProgress }) {
  const progressId = `progress-${deck.slug}`;
  return (
    <li className={`card ${dashboard.deckProgress}`}>
      <h3>
        <Link href={`/decks/${deck.slug}`}>{deck.title}</Link>
      </h3>
      <p className="muted small">{deck.description}</p>
      <dl className={dashboard.deckStats}>
        <div>
          <dt>Due</dt>
          <dd>{deck.due}</dd>
        </div>
        <div>
          <dt>New today</dt>
          <dd>{deck.newAvailable}</dd>
        </div>
        <div>
          <dt>Recall now</dt>
          <dd>{deck.predictedRecall === null ? "—" : `${Math.round(deck.predictedRecall * 100)}%`}</dd>
        </div>
      </dl>
      <div className={dashboard.deckProgressBar}>
        <span id={progressId} className="small muted">
          {deck.introduced} of {deck.cardCount} cards started · {deck.quizCount} quiz questions
        </span>
        <progress value={deck.introduced} max={Math.max(1, deck.cardCount)} aria-labelledby={progressId} />
      </div>
      <StudyAction deck={deck} />
    </li>
  );
}

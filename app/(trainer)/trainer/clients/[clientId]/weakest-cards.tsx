import type { EvidenceLevel } from "@/lib/content/evidence";
import type { WeakCard } from "@/lib/data/trainer/client-detail";
import { type CardColumn, CardTable } from "../../card-table";
import { agoText, dateTimeText, percent } from "../../clients-words";

/** Again answers in the last 7 days, with when the latest was given. */
function AgainCell({ card, now }: { card: WeakCard; now: Date }) {
  if (card.again7d === 0 || !card.lastAgainAt) return <span className="muted">0</span>;
  return (
    <>
      {card.again7d}{" "}
      <time
        className="small muted"
        dateTime={card.lastAgainAt.toISOString()}
        title={dateTimeText(card.lastAgainAt)}
      >
        (last {agoText(card.lastAgainAt, now).toLowerCase()})
      </time>
    </>
  );
}

/** The introduced cards the client struggles with: forgotten this week, forgotten often, or fading now. */
export function WeakestCards({
  cards,
  evidence,
  deckTitles,
  now,
}: {
  cards: WeakCard[];
  evidence: Map<string, EvidenceLevel>;
  deckTitles: Map<string, string>;
  now: Date;
}) {
  const columns: CardColumn<WeakCard>[] = [
    { label: "Recall now", cell: (card) => percent(card.retrievability) },
    { label: "Again, 7 days", cell: (card) => <AgainCell card={card} now={now} /> },
    { label: "Lapses", cell: (card) => card.lapses },
    { label: "Reviews", cell: (card) => card.reps },
  ];
  return (
    <CardTable
      headingId="weakest-heading"
      title="Weakest cards"
      empty="No cards studied on the assigned decks yet."
      intro={
        <p className="muted small">
          Cards answered Again in the last 7 days first, then the most lapses (times a learned card was
          forgotten), then the lowest predicted recall at this moment: good candidates to go over together.
        </p>
      }
      cards={cards}
      evidence={evidence}
      deck={(card) => deckTitles.get(card.deckSlug) ?? card.deckSlug}
      columns={columns}
    />
  );
}

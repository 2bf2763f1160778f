import type { EvidenceLevel } from "@/lib/content/evidence";
import type { FailedCard } from "@/lib/data/trainer/deck-insight";
import { type CardColumn, CardTable } from "../../card-table";
import { percent, plural } from "../../clients-words";

const COLUMNS: CardColumn<FailedCard>[] = [
  { label: "Failure rate", cell: (card) => percent(card.failRate) },
  {
    label: "Forgotten",
    cell: (card) => (
      <>
        {card.again} of {plural(card.answers, "answer")}
      </>
    ),
  },
  { label: "Clients", cell: (card) => card.clients },
];

/** Cards rated Again most often, as a share of their answers, across the trainer's clients. */
export function FailedCards({
  cards,
  evidence,
}: {
  cards: FailedCard[];
  evidence: Map<string, EvidenceLevel>;
}) {
  return (
    <CardTable
      headingId="failed-heading"
      title="Cards most often forgotten"
      empty="None of your clients has forgotten a card of this deck yet."
      cards={cards}
      evidence={evidence}
      columns={COLUMNS}
    />
  );
}

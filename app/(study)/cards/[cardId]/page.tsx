import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EvidenceBadge } from "@/app/ui/evidence-badge";
import { EVIDENCE_LABELS, type EvidenceLevel } from "@/app/ui/evidence-labels";
import { requirePageUser } from "@/lib/auth/session";
import { getCardHistory } from "@/lib/data/card-browser";
import { NotFoundError } from "@/lib/errors";
import { revealedCloze } from "@/lib/study/cloze";
import { flagName } from "@/lib/validations/card-marks";
import { FlagDot } from "../../study/card-marks";
import { HistoryTable } from "./history-table";

export const metadata: Metadata = { title: "Card history" };

const isEvidenceLevel = (value: string): value is EvidenceLevel => Object.hasOwn(EVIDENCE_LABELS, value);

async function load(cardId: string) {
  const user = await requirePageUser(`/cards/${encodeURIComponent(cardId)}`);
  try {
    return await getCardHistory(user.id, cardId, new Date());
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function CardHistoryPage({ params }: { params: Promise<{ cardId: string }> }) {
  const { card, editHref, reviews, timeZone } = await load(decodeURIComponent((await params).cardId));
  return (
    <>
      <p>
        <Link href="/cards">← All cards</Link>
      </p>
      <h1>{revealedCloze(card.front)}</h1>
      <section className="card stack" aria-labelledby="card-answer">
        <h2 id="card-answer" className="visually-hidden">
          Answer
        </h2>
        <p>{card.back}</p>
        <p className="muted small">
          {card.deckTitle} · {card.state}
          {card.suspended && " · suspended"}
          {card.buried && " · buried until tomorrow"}
          {card.leech && " · leech"}
          {card.flag > 0 && (
            <>
              {" "}
              · <FlagDot flag={card.flag} /> {flagName(card.flag)} flag
            </>
          )}
          {" · "}
          {card.lapses} lapses
        </p>
        {isEvidenceLevel(card.evidence) && <EvidenceBadge level={card.evidence} />}
        {editHref && (
          <p>
            <Link href={editHref} className="button secondary">
              Edit this card
            </Link>
          </p>
        )}
      </section>
      <HistoryTable reviews={reviews} timeZone={timeZone} />
    </>
  );
}

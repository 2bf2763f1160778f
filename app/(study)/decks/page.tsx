import type { Metadata } from "next";
import Link from "next/link";
import { EvidenceBadge } from "@/app/ui/evidence-badge";
import { EVIDENCE_LEVELS } from "@/app/ui/evidence-labels";
import { EvidenceMix } from "@/app/ui/evidence-mix";
import { requirePageUser } from "@/lib/auth/session";
import { listDecksWithEvidence } from "@/lib/data/content";
import { cardCountText } from "@/lib/study/card-count";
import styles from "./decks.module.css";

export const metadata: Metadata = { title: "Decks" };

export default async function DecksPage() {
  const user = await requirePageUser("/decks");
  const all = await listDecksWithEvidence(user.id);
  const decks = all.filter((deck) => !deck.personal);
  const own = all.filter((deck) => deck.personal);
  return (
    <>
      <h1>Decks</h1>
      <p className="muted">
        Every card quotes the sentence it rests on and says how strong that evidence is. Read the{" "}
        <Link href="/sources">source documents</Link> behind them.
      </p>

      {decks.length === 0 ? (
        <div className="card empty-state">No decks are loaded. Run npm run db:seed.</div>
      ) : (
        <ul className="grid feature-list deck-list">
          {decks.map((deck) => (
            <li key={deck.slug} className={`card ${styles.deckSummary}`}>
              <h2>
                <Link href={`/decks/${deck.slug}`}>{deck.title}</Link>
              </h2>
              <p className="muted small">{deck.description}</p>
              <div className={styles.deckSummaryFooter}>
                <p className={`small ${styles.deckCounts}`}>
                  {cardCountText(deck.cardCount, deck.reversedCount)} · {deck.quizCount} quiz questions
                </p>
                <EvidenceMix counts={deck.evidence} />
              </div>
            </li>
          ))}
        </ul>
      )}

      <section aria-labelledby="own-decks-heading">
        <div className="section-title">
          <h2 id="own-decks-heading">Your own decks</h2>
          <Link href="/decks/import" className="button secondary">
            Import cards
          </Link>
        </div>
        {own.length === 0 ? (
          <p className="muted">
            Import a CSV or TSV file of your own cards (front, back, tags). Only you see these decks.
          </p>
        ) : (
          <ul className="grid feature-list deck-list">
            {own.map((deck) => (
              <li key={deck.slug} className={`card ${styles.deckSummary}`}>
                <h3>
                  <Link href={`/decks/${deck.slug}`}>{deck.title}</Link>
                </h3>
                <p className="muted small">{deck.description}</p>
                <p className={`small ${styles.deckCounts}`}>
                  {cardCountText(deck.cardCount, deck.reversedCount)} · only you can see this deck
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="evidence-key-heading">
        <div className="section-title">
          <h2 id="evidence-key-heading">What the evidence badges mean</h2>
        </div>
        <ul className={`card ${styles.evidenceKey}`}>
          {EVIDENCE_LEVELS.map((level) => (
            <li key={level}>
              <EvidenceBadge level={level} explain />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

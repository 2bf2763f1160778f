import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeckCardItem } from "@/app/ui/deck-card-item";
import { EvidenceFilter } from "@/app/ui/evidence-filter";
import { EVIDENCE_LABELS } from "@/app/ui/evidence-labels";
import { currentUser, requirePageUser } from "@/lib/auth/session";
import { evidenceLevel } from "@/lib/content/schema";
import { getDeck } from "@/lib/data/content";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ evidence?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const deck = (await currentUser()) ? await getDeck((await params).slug) : null;
  return { title: deck?.title ?? "Deck" };
}

export default async function DeckPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  // An unknown level shows every card rather than an empty list.
  const parsed = evidenceLevel.safeParse(query.evidence);
  const filter = parsed.success ? parsed.data : null;
  await requirePageUser(`/decks/${encodeURIComponent(slug)}${filter ? `?evidence=${filter}` : ""}`);
  const deck = await getDeck(slug);
  if (!deck) notFound();
  const cards = filter ? deck.cards.filter((card) => card.evidence === filter) : deck.cards;

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <Link href="/decks">Decks</Link> <span aria-hidden="true">/</span>
      </nav>
      <h1>{deck.title}</h1>
      <p className="muted deck-description">{deck.description}</p>
      <p className="small">
        {deck.cards.length} cards · {deck.quizCount} quiz questions · quoted from the{" "}
        <Link href="/sources">source documents</Link>
      </p>
      <p className="disclaimer small">Educational content, not medical advice.</p>

      <div id="deck-actions" className="row deck-actions">
        <Link href={`/study?deck=${encodeURIComponent(deck.slug)}`} className="button">
          Study this deck
        </Link>
        <Link href={`/decks/${encodeURIComponent(deck.slug)}/quiz`} className="button secondary">
          Take a quiz
        </Link>
      </div>

      <section aria-labelledby="cards-heading">
        <div className="section-title">
          <h2 id="cards-heading">Cards</h2>
          <p className="muted small" aria-live="polite">
            {filter
              ? `${cards.length} of ${deck.cards.length} cards: ${EVIDENCE_LABELS[filter].label}`
              : `${deck.cards.length} cards`}
          </p>
        </div>
        <EvidenceFilter deckSlug={deck.slug} counts={deck.evidence} current={filter} />
        {cards.length === 0 ? (
          <div className="card empty-state">No cards in this deck have this evidence level.</div>
        ) : (
          <ol className="deck-cards feature-list" aria-labelledby="cards-heading">
            {cards.map((card) => (
              <DeckCardItem key={card.id} card={card} titles={deck.documentTitles} />
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

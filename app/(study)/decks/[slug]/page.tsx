import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeckCardItem } from "@/app/ui/deck-card-item";
import { EvidenceFilter } from "@/app/ui/evidence-filter";
import { EVIDENCE_LABELS } from "@/app/ui/evidence-labels";
import { Pagination } from "@/app/ui/pagination";
import { currentUser, requirePageUser } from "@/lib/auth/session";
import { evidenceLevel } from "@/lib/content/schema";
import { cardCountText } from "@/lib/study/card-count";
import styles from "../decks.module.css";
import { deckTitle, loadDeckListing } from "./deck-listing";
import { DeleteDeckForm } from "./delete-deck-form";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ evidence?: string | string[]; page?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await currentUser();
  const title = user ? await deckTitle(user.id, (await params).slug) : null;
  return { title: title ?? "Deck" };
}

export default async function DeckPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  // An unknown level shows every card rather than an empty list.
  const parsed = evidenceLevel.safeParse(query.evidence);
  const filter = parsed.success ? parsed.data : null;
  const user = await requirePageUser(
    `/decks/${encodeURIComponent(slug)}${filter ? `?evidence=${filter}` : ""}`,
  );
  // Someone else's personal deck is "not found", like an unknown one.
  const asked = Number.parseInt(typeof query.page === "string" ? query.page : "1", 10);
  const deck = await loadDeckListing(user.id, slug, filter, asked);
  if (!deck) notFound();
  const pageHref = (n: number) => {
    const search = new URLSearchParams();
    if (filter) search.set("evidence", filter);
    if (n > 1) search.set("page", String(n));
    const text = search.toString();
    return `/decks/${encodeURIComponent(deck.slug)}${text ? `?${text}` : ""}#cards-heading`;
  };

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <Link href="/decks">Decks</Link> <span aria-hidden="true">/</span>
      </nav>
      <h1>{deck.title}</h1>
      <p className={`muted ${styles.deckDescription}`}>{deck.description}</p>
      {deck.personal && !deck.authored ? (
        <p className="small">
          {cardCountText(deck.cardCount, deck.reversedCount)} · your own deck, visible only to you
        </p>
      ) : (
        <>
          <p className="small">
            {cardCountText(deck.cardCount, deck.reversedCount)} · {deck.quizCount} quiz questions · quoted
            from{" "}
            {deck.authored ? (
              Object.entries(deck.documentTitles).map(([id, title]) => (
                <Link key={id} href={`/documents/${encodeURIComponent(id)}`}>
                  {title}
                </Link>
              ))
            ) : (
              <Link href="/sources">the source documents</Link>
            )}
          </p>
          {deck.authored && deck.personal && (
            <p className="small" data-testid="deck-audience">
              {deck.assignedClients > 0
                ? `Your deck: you and the ${deck.assignedClients === 1 ? "client" : `${deck.assignedClients} clients`} you assigned it to can see it.`
                : user.role === "trainer"
                  ? "Your deck: visible only to you until you assign it to a client."
                  : "Your own deck, visible only to you."}
            </p>
          )}
          <p className="disclaimer small">Educational content, not medical advice.</p>
        </>
      )}

      <div id="deck-actions" className="row deck-actions">
        <Link href={`/study?deck=${encodeURIComponent(deck.slug)}`} className="button">
          Study this deck
        </Link>
        {deck.quizCount > 0 && (
          <Link href={`/decks/${encodeURIComponent(deck.slug)}/quiz`} className="button secondary">
            Take a quiz
          </Link>
        )}
        {/* Draws cards on every visit: a plain link, so the router does not prefetch (and draw) it. */}
        <a href={`/decks/${encodeURIComponent(deck.slug)}/typed-quiz`} className="button secondary">
          Typed quiz
        </a>
        {deck.personal && (
          <Link href={`/author/decks/${encodeURIComponent(deck.slug)}`} className="button secondary">
            Edit cards
          </Link>
        )}
        {/* A file download, not a page: a plain link, so the router does not prefetch it. */}
        <a href={`/decks/${encodeURIComponent(deck.slug)}/anki`} className="button secondary" download>
          Download for Anki
        </a>
        <a
          href={`/decks/${encodeURIComponent(deck.slug)}/apkg`}
          className="button secondary"
          download
          title="An Anki package with your schedule and review history"
        >
          Anki package (.apkg)
        </a>
      </div>

      <section aria-labelledby="cards-heading">
        <div className="section-title">
          <h2 id="cards-heading">Cards</h2>
          <p className="muted small" aria-live="polite">
            {filter
              ? `${deck.matching} of ${deck.total} cards: ${EVIDENCE_LABELS[filter].label}`
              : `${deck.total.toLocaleString("en-GB")} cards`}
          </p>
        </div>
        {/* An imported deck's cards all carry the one level: nothing to filter. */}
        {deck.evidence && <EvidenceFilter deckSlug={deck.slug} counts={deck.evidence} current={filter} />}
        {deck.cards.length === 0 ? (
          <div className="card empty-state">No cards in this deck have this evidence level.</div>
        ) : (
          <>
            <ol
              className={`${styles.deckCards} feature-list`}
              aria-labelledby="cards-heading"
              start={deck.first}
            >
              {deck.cards.map((card) => (
                <DeckCardItem key={card.id} card={card} titles={deck.documentTitles} />
              ))}
            </ol>
            {deck.pageCount > 1 && (
              <Pagination
                page={deck.page}
                pageCount={deck.pageCount}
                hrefFor={pageHref}
                label="Pages of cards"
              />
            )}
          </>
        )}
      </section>

      {deck.personal && (
        <section aria-labelledby="delete-heading">
          <div className="section-title">
            <h2 id="delete-heading">Delete this deck</h2>
          </div>
          <div className="card">
            <p className="muted small">
              Removes its cards and your review history of them. This cannot be undone.
            </p>
            <DeleteDeckForm slug={deck.slug} cardCount={deck.total} />
          </div>
        </section>
      )}
    </>
  );
}

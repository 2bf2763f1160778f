import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { getEditableDeck } from "@/lib/data/personal-cards";
import { PersonalCardForm } from "./personal-card-form";

export const metadata: Metadata = { title: "Edit cards" };

/** The card editor of the caller's own imported deck; an authored deck is edited in its review. */
export default async function EditDeckPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/author/decks/${encodeURIComponent(slug)}`);
  const deck = await getEditableDeck(user.id, slug);
  if (!deck) notFound();
  if (deck.documentId) redirect(`/author/${deck.documentId}`);
  const live = deck.cards.filter((card) => !card.retired);
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <Link href={`/decks/${deck.slug}`}>{deck.title}</Link> <span aria-hidden="true">/</span>
      </nav>
      <h1>Edit cards</h1>
      <p className="muted">
        Edits keep your progress: a card keeps its schedule, and a retired card keeps its history.
      </p>
      <PersonalCardForm slug={deck.slug} card={null} />
      <ol className="feature-list">
        {live.map((card) => (
          <li key={card.id} className="card">
            <PersonalCardForm slug={deck.slug} card={card} />
          </li>
        ))}
      </ol>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { listDecks } from "@/lib/data/decks";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard");
  const decks = await listDecks();
  return (
    <>
      <h1>Welcome, {user.name}</h1>
      <p className="muted">Pick a deck to study. Reviews you have due will show up here.</p>

      <section aria-labelledby="due-heading">
        <div className="section-title">
          <h2 id="due-heading">Due reviews</h2>
        </div>
        <div className="card empty-state">Nothing is due yet. Start a deck below to begin.</div>
      </section>

      <section aria-labelledby="decks-heading">
        <div className="section-title">
          <h2 id="decks-heading">Decks</h2>
          <Link href="/decks">All decks</Link>
        </div>
        {decks.length === 0 ? (
          <div className="card empty-state">No decks are loaded. Run npm run db:seed.</div>
        ) : (
          <ul className="grid feature-list">
            {decks.map((deck) => (
              <li key={deck.slug} className="card">
                <h3>
                  <Link href={`/decks/${deck.slug}`}>{deck.title}</Link>
                </h3>
                <p className="muted small">{deck.description}</p>
                <p className="small">
                  {deck.cardCount} cards · {deck.quizCount} quiz questions
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {user.role === "trainer" && (
        <section aria-labelledby="clients-heading">
          <div className="section-title">
            <h2 id="clients-heading">Your clients</h2>
          </div>
          <div className="card empty-state">
            No clients yet. Invitations and client progress arrive in an upcoming release.
          </div>
        </section>
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { getDeckProgress } from "@/lib/data/dashboard";
import { DeckProgressCard } from "./deck-progress-card";
import { DueSummary } from "./due-summary";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard");
  const progress = await getDeckProgress(user.id, new Date());
  const started = progress.decks.some((deck) => deck.introduced > 0);
  return (
    <>
      <h1>Welcome, {user.name}</h1>
      <p className="muted">Pick a deck to study. Reviews you have due will show up here.</p>

      <section aria-labelledby="due-heading">
        <div className="section-title">
          <h2 id="due-heading">Due reviews</h2>
          <Link href="/stats">Statistics</Link>
        </div>
        <DueSummary due={progress.totalDue} fresh={progress.totalNew} started={started} />
      </section>

      <section aria-labelledby="decks-heading">
        <div className="section-title">
          <h2 id="decks-heading">Decks</h2>
          <Link href="/decks">All decks</Link>
        </div>
        {progress.decks.length === 0 ? (
          <div className="card empty-state">No decks are loaded. Run npm run db:seed.</div>
        ) : (
          <ul className="grid feature-list">
            {progress.decks.map((deck) => (
              <DeckProgressCard key={deck.slug} deck={deck} />
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

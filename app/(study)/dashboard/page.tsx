import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { FreshOnReturn } from "@/app/ui/fresh-on-return";
import { requirePageUser } from "@/lib/auth/session";
import { getDeckProgress } from "@/lib/data/dashboard";
import { AssignedDecks } from "./assigned-decks";
import { DeckProgressCard } from "./deck-progress-card";
import { DueSummary } from "./due-summary";
import { TrainerMessages } from "./trainer-messages";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ joined?: string }>;
}) {
  const [user, { joined }] = await Promise.all([requirePageUser("/dashboard"), searchParams]);
  const now = new Date();
  const progress = await getDeckProgress(user.id, now);
  const started = progress.decks.some((deck) => deck.introduced > 0);
  return (
    <>
      <FreshOnReturn renderId={randomUUID()} />
      <h1>Welcome, {user.name}</h1>
      <p className="muted">Pick a deck to study. Reviews you have due will show up here.</p>

      <TrainerMessages userId={user.id} now={now} />
      <AssignedDecks
        userId={user.id}
        joinedTrainerId={typeof joined === "string" ? joined : undefined}
        progress={progress}
      />

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
          <div className="card">
            <p>Follow your clients&apos; progress on the decks you assign them.</p>
            <div className="row">
              <Link href="/trainer" className="button">
                Open your clients
              </Link>
              <Link href="/trainer/invitations" className="button secondary">
                Invite clients
              </Link>
            </div>
          </div>
        </section>
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { earliestDueDate } from "@/app/(trainer)/ui/assignment-words";
import { listAssignableDecks, listClientsWithAssignments } from "@/lib/data/trainer/roster";
import { TrainerOnly, trainerForPage } from "../../trainer-gate";
import { TrainerNav } from "../../trainer-nav";
import { AssignForm } from "./assign-form";
import { ClientRoster } from "./client-roster";

export const metadata: Metadata = { title: "Assign decks" };

export default async function AssignPage({ searchParams }: { searchParams: Promise<{ removed?: string }> }) {
  const trainer = await trainerForPage("/trainer/clients/assign");
  if (!trainer) return <TrainerOnly />;
  const [{ removed }, clients, decks] = await Promise.all([
    searchParams,
    listClientsWithAssignments(trainer.trainerId),
    listAssignableDecks(trainer.trainerId),
  ]);
  return (
    <>
      <TrainerNav current="/trainer/clients/assign" />
      <h1>Assign decks</h1>
      <p className="muted">
        You see a client&apos;s progress only on the decks you assign them, and only while they stay linked to
        you.
      </p>
      <div aria-live="polite">
        {removed === "1" && (
          <p className="alert success">
            Client removed. You no longer see their progress; they keep their own.
          </p>
        )}
      </div>
      {clients.length === 0 ? (
        <div className="card empty-state">
          <p>No clients yet. Once someone accepts one of your invitation links, they appear here.</p>
          <Link href="/trainer/invitations" className="button">
            Invite clients
          </Link>
        </div>
      ) : (
        <>
          <section className="card" aria-labelledby="assign-heading">
            <h2 id="assign-heading">Assign a deck</h2>
            <AssignForm
              clients={clients.map(({ id, name, email }) => ({ id, name, email }))}
              decks={decks}
              earliestDue={earliestDueDate(new Date())}
            />
          </section>
          <section aria-labelledby="roster-heading">
            <div className="section-title">
              <h2 id="roster-heading">Your clients and their decks</h2>
            </div>
            <ClientRoster clients={clients} />
          </section>
        </>
      )}
    </>
  );
}

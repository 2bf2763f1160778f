import type { Metadata } from "next";
import Link from "next/link";
import { dueDateText, earliestDueDate, goalText } from "@/app/ui/assignment-words";
import { FocusedAlert } from "@/app/ui/focused-alert";
import { listGroups } from "@/lib/data/trainer/groups";
import { removedAssignment } from "@/lib/data/trainer/links";
import {
  listAssignableDecks,
  listClientsWithAssignments,
  type RosterClient,
} from "@/lib/data/trainer/roster";
import { TrainerOnly, trainerForPage } from "../../trainer-gate";
import { TrainerNav } from "../../trainer-nav";
import { AssignForm } from "./assign-form";
import { ClientRoster } from "./client-roster";

export const metadata: Metadata = { title: "Assign decks" };

export default async function AssignPage({
  searchParams,
}: {
  searchParams: Promise<{ removed?: string; unassigned?: string; group?: string }>;
}) {
  const trainer = await trainerForPage("/trainer/clients/assign");
  if (!trainer) return <TrainerOnly />;
  const { removed, unassigned, group } = await searchParams;
  const [clients, decks, groups, unassignedOne] = await Promise.all([
    listClientsWithAssignments(trainer.trainerId),
    listAssignableDecks(trainer.trainerId),
    listGroups(trainer.trainerId),
    typeof unassigned === "string" ? removedAssignment(trainer.trainerId, unassigned.slice(0, 100)) : null,
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
          <FocusedAlert>Client removed. You no longer see their progress; they keep their own.</FocusedAlert>
        )}
        {unassignedOne && (
          <FocusedAlert>
            {unassignedOne.deckTitle} unassigned from {unassignedOne.clientName}. They keep their progress on
            it; you no longer track it.
          </FocusedAlert>
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
              clients={clients.map(({ id, name, email, groupId }) => ({ id, name, email, groupId }))}
              groups={groups.map(({ id, name }) => ({ id, name }))}
              initialGroup={
                typeof group === "string" && groups.some((g) => g.id === group) ? group : undefined
              }
              decks={decks}
              earliestDue={earliestDueDate(new Date())}
              assigned={assignedDecks(clients)}
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

/** For each client, the decks they already have and how each is set, for the form's replace warning. */
function assignedDecks(clients: RosterClient[]): Record<string, Record<string, string>> {
  return Object.fromEntries(
    clients.map((client) => [
      client.id,
      Object.fromEntries(
        client.assignments.map((a) => [a.deckSlug, `${dueDateText(a.dueAt)}, ${goalText(a).toLowerCase()}`]),
      ),
    ]),
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getClientsSummary } from "@/lib/data/trainer/client-pages";
import { clientsTableQuerySchema, getClientsTable } from "@/lib/data/trainer/dashboard";
import { listGroups } from "@/lib/data/trainer/groups";
import { ClientsSummaryStrip, DeckInsightLinks } from "./clients-summary";
import { ClientsTable } from "./clients-table";
import { clientsTableParams } from "./clients-words";
import styles from "./trainer.module.css";
import { TrainerOnly, trainerForPage } from "./trainer-gate";

export const metadata: Metadata = { title: "Your clients" };

interface ClientsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function ClientsActions({ group }: { group: string | null }) {
  return (
    <div className={`row ${styles.clientsActions}`}>
      <Link href="/trainer/invitations" className="button">
        Invite clients
      </Link>
      <Link href="/trainer/clients/assign" className="button secondary">
        Assign a deck
      </Link>
      {/* A file download from a route handler: a plain link, not client-side navigation. */}
      <a
        href={group ? `/trainer/export?group=${encodeURIComponent(group)}` : "/trainer/export"}
        className="button secondary"
        download
      >
        Download CSV{group ? " (this group)" : ""}
      </a>
      <Link href="/trainer/groups" className="button secondary">
        Groups
      </Link>
    </div>
  );
}

export default async function ClientsPage({ searchParams }: ClientsPageProps) {
  const trainer = await trainerForPage("/trainer");
  if (!trainer) return <TrainerOnly />;
  const now = new Date();
  const query = clientsTableQuerySchema.parse(clientsTableParams(await searchParams));
  const [table, summary, groups] = await Promise.all([
    getClientsTable(trainer.trainerId, now, query),
    getClientsSummary(trainer.trainerId, now),
    listGroups(trainer.trainerId),
  ]);

  return (
    <>
      <h1>Your clients</h1>
      <p className="muted">
        Progress on the decks you assigned, for clients who accepted your invitation. You see nothing else of
        their studies, and nothing once they leave.
      </p>
      {summary.clients === 0 ? (
        <div className={`card empty-state ${styles.clientsEmpty}`}>
          <h2>No clients yet</h2>
          <p>
            Invite the people you coach with a link. Once they accept, assign them a deck and their progress
            shows up here.
          </p>
          <Link href="/trainer/invitations" className="button">
            Invite clients
          </Link>
        </div>
      ) : (
        <>
          <ClientsActions group={table.group} />
          <ClientsSummaryStrip summary={summary} />
          <ClientsTable table={table} now={now} options={{ groups, decks: summary.decks }} />
          <DeckInsightLinks decks={summary.decks} />
        </>
      )}
    </>
  );
}

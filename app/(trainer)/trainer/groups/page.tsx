import type { Metadata } from "next";
import Link from "next/link";
import { listGroups } from "@/lib/data/trainer/groups";
import { plural } from "../clients-words";
import { TrainerOnly, trainerForPage } from "../trainer-gate";
import { TrainerNav } from "../trainer-nav";

export const metadata: Metadata = { title: "Groups" };

/** The trainer's groups, each with its members in the table, its progress, and a way to assign to all. */
export default async function GroupsPage() {
  const trainer = await trainerForPage("/trainer/groups");
  if (!trainer) return <TrainerOnly />;
  const groups = await listGroups(trainer.trainerId);
  return (
    <>
      <TrainerNav current="/trainer/groups" />
      <h1>Groups</h1>
      <p className="muted">
        A group starts with a named invitation link: everyone who accepts it joins the group. Move clients
        between groups from the clients table or a client&apos;s page.
      </p>
      {groups.length === 0 ? (
        <div className="card empty-state">
          <p>No groups yet. Create an invitation link with a group name, such as “Tuesday 6 am class”.</p>
          <Link href="/trainer/invitations" className="button">
            Create a group link
          </Link>
        </div>
      ) : (
        <ul className="feature-list">
          {groups.map((g) => (
            <li key={g.id} className="card">
              <h2>
                <Link href={`/trainer/groups/${g.id}`}>{g.name}</Link>
              </h2>
              <p className="muted small">{plural(g.clients, "client")}</p>
              <div className="row">
                <Link
                  href={`/trainer?group=${encodeURIComponent(g.id)}`}
                  className="button secondary small-button"
                >
                  Clients<span className="visually-hidden"> in {g.name}</span>
                </Link>
                <Link
                  href={`/trainer/clients/assign?group=${encodeURIComponent(g.id)}`}
                  className="button secondary small-button"
                >
                  Assign a deck<span className="visually-hidden"> to {g.name}</span>
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

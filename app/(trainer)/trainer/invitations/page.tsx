import type { Metadata } from "next";
import { listGroups } from "@/lib/data/trainer/groups";
import { listInvitations } from "@/lib/data/trainer/links";
import { TrainerOnly, trainerForPage } from "../trainer-gate";
import { TrainerNav } from "../trainer-nav";
import { InvitationForm } from "./invitation-form";
import { InvitationList } from "./invitation-list";
import { requestOrigin } from "./request-origin";

export const metadata: Metadata = { title: "Invitations" };

export default async function InvitationsPage() {
  const trainer = await trainerForPage("/trainer/invitations");
  if (!trainer) return <TrainerOnly />;
  const [invitations, origin, groups] = await Promise.all([
    listInvitations(trainer.trainerId, new Date()),
    requestOrigin(),
    listGroups(trainer.trainerId),
  ]);
  return (
    <>
      <TrainerNav current="/trainer/invitations" />
      <h1>Invite clients</h1>
      <p className="muted">
        Send a link to the people you coach. Once they accept, you can assign them decks and follow their
        progress on those decks; each client decides whether you also see their quiz answers.
      </p>
      <section className="card" aria-labelledby="new-invitation-heading">
        <h2 id="new-invitation-heading">New invitation link</h2>
        <InvitationForm origin={origin} groups={groups.map((g) => g.name)} />
      </section>
      <section aria-labelledby="invitations-heading">
        <div className="section-title">
          <h2 id="invitations-heading">Your links</h2>
        </div>
        <InvitationList invitations={invitations} origin={origin} />
      </section>
    </>
  );
}

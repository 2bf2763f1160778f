import type { Metadata } from "next";
import Link from "next/link";
import { dayText } from "@/app/ui/assignment-words";
import { currentUser } from "@/lib/auth/session";
import { AcceptForm, JoinGroupForm } from "./accept-form";
import styles from "./invite.module.css";
import { type InvitationView, invitationForVisitor } from "./loaders";

export const metadata: Metadata = { title: "Invitation" };

const CLOSED: Record<Extract<InvitationView, { kind: "closed" }>["status"], string> = {
  expired: "This invitation has expired. Ask your trainer for a new link.",
  revoked: "Your trainer withdrew this invitation. Ask them for a new link if you still want to join.",
  used: "This invitation has already been used. Ask your trainer for a new link.",
};

/** Exactly what accepting shares, said before anyone signs up. */
function WhatTheySee({ trainerName }: { trainerName: string }) {
  return (
    <div className={styles.whatTheySee}>
      <h2>What {trainerName} will see</h2>
      <ul>
        <li>Your progress on the decks they assign you: cards started, reviews and predicted recall.</li>
        <li>Your quiz scores on those decks.</li>
        <li>If you tick the box below, which quiz answers you got wrong.</li>
        <li>Your name and email address.</li>
      </ul>
      <p className="muted small">
        Nothing else: not your other decks. You can leave at any time from <em>My trainers</em>, and they lose
        access at once. Your progress always stays yours.
      </p>
    </div>
  );
}

export default async function InvitePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const user = await currentUser();
  const view = await invitationForVisitor(code, user);

  if (view.kind === "invalid" || view.kind === "closed") {
    return (
      <section className={`card auth-panel ${styles.invitePanel}`} aria-labelledby="invite-heading">
        <h1 id="invite-heading">
          {view.kind === "invalid" ? "This link does not work" : "This link is closed"}
        </h1>
        <p className="alert error">
          {view.kind === "invalid"
            ? "This invitation link is not valid. Check that you copied all of it, or ask your trainer for a new one."
            : CLOSED[view.status]}
        </p>
        <Link href={user ? "/dashboard" : "/"} className="button secondary">
          {user ? "Go to your dashboard" : "Go to Retain"}
        </Link>
      </section>
    );
  }

  if (view.kind === "already-linked") {
    return (
      <section className={`card auth-panel ${styles.invitePanel}`} aria-labelledby="invite-heading">
        <h1 id="invite-heading">You train with {view.trainerName}</h1>
        {view.groupName ? (
          <>
            <p>
              This link is for {view.trainerName}&apos;s group <strong>{view.groupName}</strong>. Join it to
              be with that group; nothing else changes, and what you share stays as it is.
            </p>
            <JoinGroupForm code={view.code} groupName={view.groupName} />
          </>
        ) : (
          <p>You have already accepted this invitation. Nothing more to do.</p>
        )}
        <div className="row">
          <Link href="/dashboard" className="button">
            Go to your dashboard
          </Link>
          <Link href="/sharing">What my trainers see</Link>
        </div>
      </section>
    );
  }

  const returnTo = encodeURIComponent(`/invite/${view.code}`);
  return (
    <section className={`card auth-panel ${styles.invitePanel}`} aria-labelledby="invite-heading">
      <p className="pill">Invitation</p>
      <h1 id="invite-heading">{view.trainerName} invited you to train with them on Retain</h1>
      {view.groupName && (
        <p>
          You join the group <strong>{view.groupName}</strong>.
        </p>
      )}
      <WhatTheySee trainerName={view.trainerName} />
      <p className="muted small">This link works until {dayText(view.expiresAt)}.</p>
      {!user ? (
        <div className="stack">
          <p>
            To accept, sign in as a learner. It takes a minute to create an account, and you come back here.
          </p>
          <div className="row">
            <Link href={`/sign-up?callbackUrl=${returnTo}`} className="button">
              Create an account to accept
            </Link>
            <Link href={`/sign-in?callbackUrl=${returnTo}`} className="button secondary">
              Sign in
            </Link>
          </div>
        </div>
      ) : user.role !== "learner" ? (
        <p className="alert error">
          {view.ownLink
            ? "This is your own invitation link. Send it to your clients; only learner accounts can join a trainer."
            : `Only learner accounts can join a trainer. You are signed in as ${user.email}, a trainer account.`}
        </p>
      ) : (
        <AcceptForm
          code={view.code}
          trainerName={view.trainerName}
          shareQuizAnswers={view.shareQuizAnswers}
        />
      )}
    </section>
  );
}

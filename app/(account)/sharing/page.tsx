import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/app/ui/action-button";
import { dayText } from "@/app/ui/assignment-words";
import { requirePageUser } from "@/lib/auth/session";
import { listMyTrainers } from "@/lib/data/trainer/links";
import { leaveTrainerAction } from "./actions";
import { QuizSharingToggle } from "./quiz-sharing-toggle";
import styles from "./sharing.module.css";

export const metadata: Metadata = { title: "What my trainers see" };

export default async function SharingPage({ searchParams }: { searchParams: Promise<{ left?: string }> }) {
  const user = await requirePageUser("/sharing");
  const [{ left }, trainers] = await Promise.all([searchParams, listMyTrainers(user.id)]);
  return (
    <>
      <h1>What my trainers see</h1>
      <p className="muted">
        A trainer sees your progress only on the decks they assign you, and only while you stay linked. Your
        progress is yours: leaving a trainer keeps all of it.
      </p>
      <div aria-live="polite">
        {left === "1" && (
          <p className="alert success">You left your trainer. They can no longer see any of your progress.</p>
        )}
      </div>
      {trainers.length === 0 ? (
        <div className="card empty-state">
          {user.role === "trainer" ? (
            <p>
              Trainer accounts do not join trainers. To invite your own clients, go to{" "}
              <Link href="/trainer/invitations">Invitations</Link>.
            </p>
          ) : (
            <p>
              You are not linked to a trainer, so nobody sees your progress. To join one, open the invitation
              link your trainer sends you; you will see exactly what they can see before you accept.
            </p>
          )}
        </div>
      ) : (
        <ul className={`feature-list ${styles.trainerLinks}`}>
          {trainers.map((trainer) => (
            <li
              key={trainer.trainerId}
              className={`card ${styles.trainerLink}`}
              aria-labelledby={`trainer-${trainer.trainerId}`}
            >
              <div className="roster-head">
                <div>
                  <h2 id={`trainer-${trainer.trainerId}`}>{trainer.trainerName}</h2>
                  <p className="muted small">Your trainer since {dayText(trainer.linkedAt)}</p>
                </div>
                <ActionButton
                  action={leaveTrainerAction}
                  fields={{ trainerId: trainer.trainerId }}
                  label="Leave trainer"
                  accessibleLabel={`Leave ${trainer.trainerName}`}
                  pendingLabel="Leaving…"
                  confirm={{
                    question: `Leave ${trainer.trainerName}? They stop seeing your progress at once. You keep all of it.`,
                    yes: "Yes, leave",
                  }}
                />
              </div>
              <h3>Decks they assigned you</h3>
              {trainer.decks.length === 0 ? (
                <p className="muted small">
                  None yet, so they see none of your progress. When they assign a deck, it appears here.
                </p>
              ) : (
                <>
                  <ul className={styles.sharedDecks}>
                    {trainer.decks.map((deck) => (
                      <li key={deck.slug}>
                        <Link href={`/decks/${deck.slug}`}>{deck.title}</Link>
                      </li>
                    ))}
                  </ul>
                  <p className="muted small">
                    On these decks they see your cards started, reviews, predicted recall and quiz scores.
                  </p>
                </>
              )}
              <QuizSharingToggle trainerId={trainer.trainerId} shared={trainer.shareQuizAnswers} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import "server-only";
import Link from "next/link";
import { requirePageUser, type SessionUser } from "@/lib/auth/session";
import { requireTrainer } from "@/lib/data/trainer/access";
import { ForbiddenError } from "@/lib/errors";
import styles from "./trainer.module.css";

/**
 * For trainer pages: the signed-in trainer, or null for a learner (the page then shows
 * <TrainerOnly />). Signed-out visitors go to sign-in and come back to `returnTo`.
 */
export async function trainerForPage(
  returnTo: string,
): Promise<{ user: SessionUser; trainerId: string } | null> {
  const user = await requirePageUser(returnTo);
  try {
    return { user, trainerId: await requireTrainer(user) };
  } catch (error) {
    if (error instanceof ForbiddenError) return null;
    throw error;
  }
}

/** What a learner sees on a trainer page: where they are, and where to go instead. */
export function TrainerOnly() {
  return (
    <section className={`card empty-state ${styles.trainerOnly}`} aria-labelledby="trainer-only-heading">
      <h1 id="trainer-only-heading">This page is for trainers</h1>
      <p>
        Your account is a learner account. Trainers use this page to invite clients and assign decks. To see
        what your trainer can see, open <Link href="/sharing">What my trainers see</Link>.
      </p>
      <Link href="/dashboard" className="button">
        Back to your dashboard
      </Link>
    </section>
  );
}

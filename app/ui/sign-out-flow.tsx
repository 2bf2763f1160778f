import type { ReactNode } from "react";
import { drainOutboxes, forgetOutboxes, stopOutboxes, waitingWords } from "@/app/(study)/study/outbox-sync";
import { signOutTo } from "./sign-out";
import { UnsentAnswers } from "./unsent-answers";

/** What a sign-out does besides ending this browser's session, and where it goes after. */
export interface SignOutSteps {
  /** The page loaded once the session has ended. */
  to: string;
  /**
   * Runs once the waiting answers are sent (or left by choice) and before this browser's session
   * ends: "Sign out everywhere" revokes every session there. A notice it returns is shown instead,
   * and the learner stays signed in.
   */
  first?: () => Promise<ReactNode | null>;
}

/**
 * Every sign-out (the header's, and the account page's "Sign out everywhere"), loaded on the click
 * (sign-out-button.tsx): this module carries the outboxes, which most pages never load. Unless
 * `force`d, this learner's waiting answers are sent first (outbox-sync `drainOutboxes`); what could
 * not be sent comes back as the choice to show. Otherwise the session ends and the page is left:
 * null. Throws when the server cannot be reached; the learner is then still signed in.
 */
export async function signOut(
  userId: string,
  force: boolean,
  choices: { stay: () => void; leave: () => void },
  steps: SignOutSteps = { to: "/" },
): Promise<ReactNode | null> {
  if (!force) {
    const left = await drainOutboxes(userId);
    const count = left.answers + left.undos + left.marks;
    if (count > 0)
      return (
        <UnsentAnswers
          waiting={waitingWords(left)}
          one={count === 1}
          onStay={choices.stay}
          onLeave={choices.leave}
        />
      );
  }
  const notice = steps.first ? await steps.first() : null;
  if (notice !== null) return notice;
  // The outboxes stop (no "leave site?" prompt, nothing deleted) only once the server has ended the
  // session: a sign-out that fails offline leaves them sending, as the learner is still signed in.
  await signOutTo(steps.to, stopOutboxes);
  return null;
}

/**
 * After the account was deleted. Its waiting answers can never be saved now, and a shared device
 * must keep nothing of the learner: they are dropped before anything else, even if clearing the
 * session cookie then fails. Throws as signOutTo does.
 */
export async function leaveDeletedAccount(userId: string): Promise<void> {
  forgetOutboxes(userId);
  await signOutTo("/", stopOutboxes);
}

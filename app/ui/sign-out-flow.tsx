import type { ReactNode } from "react";
import { drainOutboxes, stopOutboxes, waitingWords } from "@/app/(study)/study/outbox-sync";
import { signOutTo } from "./sign-out";
import { UnsentAnswers } from "./unsent-answers";

/**
 * The header's sign-out, loaded on the click (sign-out-button.tsx). Unless `force`d, this learner's
 * waiting answers are sent first (outbox-sync `drainOutboxes`); what could not be sent comes back
 * as the choice to show. Otherwise the session ends and the page is left: null. Throws when the
 * server cannot be reached; the learner is then still signed in.
 */
export async function signOut(
  userId: string,
  force: boolean,
  choices: { stay: () => void; leave: () => void },
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
  // The outboxes stop (no "leave site?" prompt, nothing deleted) only once the server has ended the
  // session: a sign-out that fails offline leaves them sending, as the learner is still signed in.
  await signOutTo("/", stopOutboxes);
  return null;
}

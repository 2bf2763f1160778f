"use client";

import { useState } from "react";
import styles from "./sign-out-button.module.css";
import type { UnsentAnswers } from "./unsent-answers";

type Step =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "unsent"; waiting: string; one: boolean; Notice: typeof UnsentAnswers }
  | { kind: "failed" };

/**
 * Sends this learner's waiting answers first (app/(study)/study/outbox-sync.ts, loaded only now: not
 * in every page's first load); what could not be sent, in words, and how many.
 */
async function sendWaitingAnswers(userId: string) {
  const [{ drainOutboxes, waitingWords }, { UnsentAnswers }] = await Promise.all([
    import("@/app/(study)/study/outbox-sync"),
    import("./unsent-answers"), // the choice shown when some could not be sent
  ]);
  const left = await drainOutboxes(userId);
  return { count: left.answers + left.undos + left.marks, words: waitingWords(left), Notice: UnsentAnswers };
}

/**
 * Signing out itself (and forgetting the offline caches) loads on the click too. The outboxes stop
 * (no "leave site?" prompt, nothing deleted) only once the server has ended the session: a sign-out
 * that fails (offline) leaves them sending, as the learner is still signed in.
 */
async function leave(): Promise<void> {
  const [{ stopOutboxes }, { signOutTo }] = await Promise.all([
    import("@/app/(study)/study/outbox-sync"),
    import("./sign-out"),
  ]);
  await signOutTo("/", stopOutboxes);
}

/**
 * Signing out never drops answers silently: waiting ones are sent first. Any that cannot be sent
 * (offline, server trouble) are named, and the learner chooses: stay signed in until they go, or
 * sign out and leave them on this device under their own id, sent the next time they sign in here.
 */
export function SignOutButton({ userId }: { userId: string }) {
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const run = async (force: boolean) => {
    setStep({ kind: "busy" });
    try {
      const left = force ? null : await sendWaitingAnswers(userId);
      if (left && left.count > 0)
        return setStep({ kind: "unsent", waiting: left.words, one: left.count === 1, Notice: left.Notice });
      await leave();
    } catch {
      setStep({ kind: "failed" });
    }
  };
  const busy = step.kind === "busy";
  return (
    <>
      <button
        type="button"
        className="button secondary"
        aria-disabled={busy}
        onClick={() => !busy && run(false)}
      >
        {busy ? "Signing out…" : "Sign out"}
      </button>
      <div aria-live="polite" className={styles.notice}>
        {step.kind === "unsent" && (
          <step.Notice
            waiting={step.waiting}
            one={step.one}
            onStay={() => setStep({ kind: "idle" })}
            onLeave={() => run(true)}
          />
        )}
        {step.kind === "failed" && (
          <p className="alert error" role="alert">
            Could not sign out: the server cannot be reached. Try again when you are online.
          </p>
        )}
      </div>
    </>
  );
}

"use client";

import { useState } from "react";
import { signOutTo } from "./sign-out";
import styles from "./sign-out-button.module.css";

type Step =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "unsent"; waiting: string; one: boolean }
  | { kind: "failed" };

/**
 * Sends this learner's waiting answers first (app/(study)/study/outbox-sync.ts, loaded only now: not
 * in every page's first load); what could not be sent, in words, and how many.
 */
async function sendWaitingAnswers(userId: string): Promise<{ count: number; words: string }> {
  const { drainOutboxes, waitingWords } = await import("@/app/(study)/study/outbox-sync");
  const left = await drainOutboxes(userId);
  return { count: left.answers + left.undos + left.marks, words: waitingWords(left) };
}

async function leave(): Promise<void> {
  const { stopOutboxes } = await import("@/app/(study)/study/outbox-sync");
  stopOutboxes();
  await signOutTo("/");
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
        return setStep({ kind: "unsent", waiting: left.words, one: left.count === 1 });
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
          <div className="alert warning" role="alert">
            <p>
              {step.waiting} {step.one ? "has" : "have"} not reached the server yet. Stay signed in until you
              are back online, or sign out and keep {step.one ? "it" : "them"} on this device until you sign
              in here again.
            </p>
            <div className={styles.choices}>
              <button type="button" className="button" onClick={() => setStep({ kind: "idle" })}>
                Stay signed in
              </button>
              <button type="button" className="button secondary" onClick={() => run(true)}>
                Sign out anyway
              </button>
            </div>
          </div>
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

"use client";

import { type ReactNode, useState } from "react";
import type { SignOutSteps } from "./sign-out-flow";

/**
 * Signing out never drops answers silently: waiting ones are sent first. Any that cannot be sent
 * (offline, server trouble) are named, and the learner chooses: stay signed in until they go, or
 * sign out and leave them on this device under their own id, sent the next time they sign in here.
 * Those steps (sign-out-flow.tsx) load with the click; every page's first load has only this button.
 */
export function SignOutButton({ userId, noticeClassName }: { userId: string; noticeClassName?: string }) {
  const { busy, notice, run } = useSignOutFlow(
    userId,
    "Could not sign out: the server cannot be reached. Try again when you are online.",
  );
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
      <div aria-live="polite" className={noticeClassName}>
        {notice}
      </div>
    </>
  );
}

/**
 * A sign-out button's state: `run` loads the steps (sign-out-flow.tsx) and runs them; `notice` is
 * what is left to show when the page is not left (the unsent-answers choice, a refusal, or
 * `failure` when the server cannot be reached).
 */
export function useSignOutFlow(userId: string, failure: string, steps?: SignOutSteps) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ReactNode>(null);
  const run = (force: boolean) => {
    setBusy(true);
    setNotice(null);
    import("./sign-out-flow")
      .then((flow) =>
        flow.signOut(userId, force, { stay: () => setNotice(null), leave: () => run(true) }, steps),
      )
      .then((choice) => {
        // Nothing to show: the page is being left.
        if (choice === null) return;
        setBusy(false);
        setNotice(choice);
      })
      .catch(() => {
        setBusy(false);
        setNotice(
          <p className="alert error" role="alert">
            {failure}
          </p>,
        );
      });
  };
  return { busy, notice, run };
}

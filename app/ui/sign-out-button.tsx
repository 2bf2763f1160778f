"use client";

import { type ReactNode, useState } from "react";

/**
 * Signing out never drops answers silently: waiting ones are sent first. Any that cannot be sent
 * (offline, server trouble) are named, and the learner chooses: stay signed in until they go, or
 * sign out and leave them on this device under their own id, sent the next time they sign in here.
 * Those steps (sign-out-flow.tsx) load with the click; every page's first load has only this button.
 */
export function SignOutButton({ userId, noticeClassName }: { userId: string; noticeClassName?: string }) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ReactNode>(null);
  const run = (force: boolean) => {
    setBusy(true);
    setNotice(null);
    import("./sign-out-flow")
      .then((flow) => flow.signOut(userId, force, { stay: () => setNotice(null), leave: () => run(true) }))
      .then((choice) => {
        // No choice to offer: the page is being left.
        if (choice === null) return;
        setBusy(false);
        setNotice(choice);
      })
      .catch(() => {
        setBusy(false);
        setNotice(
          <p className="alert error" role="alert">
            Could not sign out: the server cannot be reached. Try again when you are online.
          </p>,
        );
      });
  };
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

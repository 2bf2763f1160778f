import { useSyncExternalStore } from "react";
import { AppLink } from "@/app/ui/app-link";
import { studyPath } from "@/lib/study/scope";
import type { StudySessionData } from "@/lib/study/session-data";
import { waitingWords } from "@/lib/study/waiting-words";
import deferred from "./deferred.module.css";
import styles from "./study.module.css";
import type { SyncSnapshot } from "./sync-snapshot";

/** Whether answers reached the server. Polite: it never interrupts the card being read. */
export function SyncStatus({
  outbox,
  scope,
}: {
  /** The session's outbox (session-controller.ts), read here so only this status re-renders as it sends. */
  outbox: {
    subscribe: (listener: () => void) => () => void;
    getSnapshot: () => SyncSnapshot;
    retryNow: () => void;
  };
  /** Signing in again comes back to this session. */
  scope: Pick<StudySessionData["scope"], "deck" | "cardIds">;
}) {
  const sync = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot);
  let text: string;
  const waiting = waitingWords(sync.waiting);
  let tone = "ok";
  if (sync.pending === 0) {
    text = "All answers saved";
  } else if (sync.problem === "auth") {
    text = `Signed out — ${waiting} waiting.`;
    tone = "error";
  } else if (sync.problem === "offline") {
    text = `Offline — ${waiting} waiting`;
    tone = "warn";
  } else if (sync.problem === "server") {
    text = `Could not save ${waiting} — retrying`;
    tone = "error";
  } else {
    text = `Saving ${sync.pending}…`;
    tone = "busy";
  }
  return (
    <div className={styles.studySync} data-tone={tone}>
      <p role="status" aria-live="polite" aria-atomic="true">
        <span className={styles.studySyncDot} aria-hidden="true" />
        {text}
      </p>
      {sync.pending > 0 && sync.problem === "auth" && (
        <AppLink
          href={`/sign-in?callbackUrl=${encodeURIComponent(studyPath(scope))}`}
          className={deferred.studySyncAction}
        >
          Sign in again
        </AppLink>
      )}
      {sync.pending > 0 && (sync.problem === "offline" || sync.problem === "server") && (
        <button type="button" className={`button link ${deferred.studySyncAction}`} onClick={outbox.retryNow}>
          Retry now
        </button>
      )}
    </div>
  );
}

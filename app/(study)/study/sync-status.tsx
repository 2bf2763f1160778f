import { AppLink } from "@/app/ui/app-link";
import { waitingWords } from "@/lib/study/waiting-words";
import styles from "./study.module.css";
import type { SyncSnapshot } from "./sync-snapshot";

/** Whether answers reached the server. Polite: it never interrupts the card being read. */
export function SyncStatus({
  sync,
  signInHref,
  onRetry,
}: {
  sync: SyncSnapshot;
  signInHref: string;
  onRetry: () => void;
}) {
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
        <AppLink href={signInHref} className={styles.studySyncAction}>
          Sign in again
        </AppLink>
      )}
      {sync.pending > 0 && (sync.problem === "offline" || sync.problem === "server") && (
        <button type="button" className={`button link ${styles.studySyncAction}`} onClick={onRetry}>
          Retry now
        </button>
      )}
    </div>
  );
}

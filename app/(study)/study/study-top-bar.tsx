import type { ReactNode } from "react";
import type { RemainingCounts } from "@/lib/study/session-view";
import styles from "./study.module.css";

interface StudyTopBarProps {
  title: string;
  counts: RemainingCounts;
  canUndo: boolean;
  onUndo: () => void;
  /** The sync state (sync-status.tsx), which comes with the outbox engine (deferred.ts); null until then. */
  syncStatus: ReactNode;
}

/** SyncStatus as it reads before the outbox engine has loaded (its snapshot is idle until then). */
function AllSaved() {
  return (
    <div className={styles.studySync} data-tone="ok">
      <p role="status" aria-live="polite" aria-atomic="true">
        <span className={styles.studySyncDot} aria-hidden="true" />
        All answers saved
      </p>
    </div>
  );
}

/** Scope, cards left (Anki's colours, always with words), sync state and undo. */
export function StudyTopBar({ title, counts, canUndo, onUndo, syncStatus }: StudyTopBarProps) {
  return (
    <header className={styles.studyBar}>
      <div className={styles.studyBarTitle}>
        <p className={styles.studyEyebrow}>Study</p>
        <h1>{title}</h1>
      </div>
      <ul className={styles.studyCounts} aria-label="Cards left">
        <li className={styles.studyCountNew}>
          <span className={styles.studyCountValue}>{counts.new}</span> new
        </li>
        <li className={styles.studyCountLearning}>
          <span className={styles.studyCountValue}>{counts.learning}</span> learning
        </li>
        <li className={styles.studyCountReview}>
          <span className={styles.studyCountValue}>{counts.review}</span> review
        </li>
      </ul>
      {syncStatus ?? <AllSaved />}
      <button
        type="button"
        className={`button secondary ${styles.studyUndo}`}
        onClick={onUndo}
        disabled={!canUndo}
        aria-keyshortcuts="Control+Z Meta+Z"
        title="Undo the last answer (Ctrl+Z)"
      >
        Undo
      </button>
    </header>
  );
}

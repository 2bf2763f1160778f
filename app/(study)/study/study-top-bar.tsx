import type { RemainingCounts } from "@/lib/study/session-queue";
import styles from "./study.module.css";
import type { SyncSnapshot } from "./sync-snapshot";
import { SyncStatus } from "./sync-status";

interface StudyTopBarProps {
  title: string;
  counts: RemainingCounts;
  sync: SyncSnapshot;
  signInHref: string;
  canUndo: boolean;
  onUndo: () => void;
  onRetry: () => void;
}

/** Scope, cards left (Anki's colours, always with words), sync state and undo. */
export function StudyTopBar({ title, counts, sync, signInHref, canUndo, onUndo, onRetry }: StudyTopBarProps) {
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
      <SyncStatus sync={sync} signInHref={signInHref} onRetry={onRetry} />
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

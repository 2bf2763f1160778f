import type { RemainingCounts } from "@/lib/study/session-queue";
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
    <header className="study-bar">
      <div className="study-bar-title">
        <p className="study-eyebrow">Study</p>
        <h1>{title}</h1>
      </div>
      <ul className="study-counts" aria-label="Cards left">
        <li className="study-count-new">
          <span className="study-count-value">{counts.new}</span> new
        </li>
        <li className="study-count-learning">
          <span className="study-count-value">{counts.learning}</span> learning
        </li>
        <li className="study-count-review">
          <span className="study-count-value">{counts.review}</span> review
        </li>
      </ul>
      <SyncStatus sync={sync} signInHref={signInHref} onRetry={onRetry} />
      <button
        type="button"
        className="button secondary study-undo"
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

import { dueDateText } from "@/app/ui/assignment-words";
import type { AssignmentRow, ClientStatus } from "@/lib/data/trainer/dashboard";
import type { OnTrack } from "@/lib/trainer/on-track";
import {
  percent,
  quizText,
  STATUS_LABEL,
  STATUS_SYMBOL,
  struggleText,
  TRACK_LABEL,
  TRACK_SYMBOL,
} from "./clients-words";
import styles from "./trainer.module.css";

/** An assignment's on-track status: a labelled marker, and its reason as text next to it. */
export function TrackMarker({ track }: { track: OnTrack }) {
  return (
    <span className={`pill track-pill track-${track.status}`}>
      <span aria-hidden="true" className={styles.markerSymbol}>
        {TRACK_SYMBOL[track.status]}
      </span>
      {TRACK_LABEL[track.status]}
    </span>
  );
}

/** A client's overall status (at risk when any assignment is at risk or overdue). */
export function ClientStatusPill({ status }: { status: ClientStatus }) {
  return (
    <span className={`pill ${styles.clientStatus} is-${status}`}>
      <span aria-hidden="true" className={styles.markerSymbol}>
        {STATUS_SYMBOL[status]}
      </span>
      {STATUS_LABEL[status]}
    </span>
  );
}

/** Cards introduced of the deck as "12/40 introduced" over a small bar. */
export function IntroducedBar({ introduced, cards }: { introduced: number; cards: number }) {
  const share = cards === 0 ? 0 : Math.min(1, introduced / cards);
  return (
    <span className={styles.introduced}>
      <span className="introduced-text">
        {introduced}/{cards} introduced
      </span>
      <span className={`recall-meter ${styles.introducedBar}`} aria-hidden="true">
        <span style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
    </span>
  );
}

/** One assigned deck in a table cell: progress, recall, due date, quiz scores and on-track reason. */
export function AssignmentSummary({ assignment }: { assignment: AssignmentRow }) {
  return (
    <div className={styles.clientAssignment}>
      <div className={styles.clientAssignmentHead}>
        <strong>{assignment.deckTitle}</strong>
        <TrackMarker track={assignment.onTrack} />
      </div>
      <IntroducedBar introduced={assignment.introduced} cards={assignment.cards} />
      <p className={`${styles.clientAssignmentFacts} small`}>
        <span>
          Recall now{" "}
          {assignment.predictedRecall === null ? "not started" : percent(assignment.predictedRecall)}
        </span>
        {assignment.predictedRecall !== null && <span>{struggleText(assignment)}</span>}
        <span>{dueDateText(assignment.dueAt)}</span>
        <span>{quizText(assignment.bestQuiz, assignment.lastQuiz)}</span>
      </p>
      <p className="track-reason small">{assignment.onTrack.reason}</p>
    </div>
  );
}

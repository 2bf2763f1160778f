import type { Ref } from "react";
import { type StudyQueueState, summarize } from "@/lib/study/session-queue";
import { describeDue, formatDuration } from "@/lib/study/time-words";
import deferred from "./deferred.module.css";
import { BackLinks, type ScopeLinks } from "./session-panels";
import styles from "./study.module.css";
import { useNow } from "./use-now";

/** The end of a session: what was studied, and when these cards come back. Loaded with deferred.ts. */
export function SessionSummary({
  state,
  scope,
  finished,
  headingRef,
}: {
  /** The session's queue, summed up here: what was studied, and when it comes back. */
  state: StudyQueueState;
  scope: ScopeLinks;
  /** False when the learner ended with learning cards still pending. */
  finished: boolean;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const now = useNow(60_000);
  const summary = summarize(state);
  const againRate = summary.answers ? Math.round((summary.again / summary.answers) * 100) : 0;
  return (
    <section className={`card ${styles.studyPanel}`} aria-labelledby="study-panel-heading">
      <h2 id="study-panel-heading" ref={headingRef} tabIndex={-1}>
        {finished ? "Session complete" : "Session ended"}
      </h2>
      <dl className={deferred.studyStats}>
        <div>
          <dt>Cards studied</dt>
          <dd>{summary.cards}</dd>
        </div>
        <div>
          <dt>Again rate</dt>
          <dd>
            {againRate}%{" "}
            <span className="muted small">
              ({summary.again} of {summary.answers} {summary.answers === 1 ? "answer" : "answers"})
            </span>
          </dd>
        </div>
        <div>
          <dt>Time spent</dt>
          <dd>{formatDuration(summary.timeMs)}</dd>
        </div>
      </dl>
      {summary.nextDue !== null && now !== null && (
        <p>Your next review of these cards is due {describeDue(summary.nextDue, now)}.</p>
      )}
      <BackLinks scope={scope} />
    </section>
  );
}

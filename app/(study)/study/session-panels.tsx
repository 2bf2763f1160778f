import type { Ref } from "react";
import { AppLink } from "@/app/ui/app-link";
import styles from "./study.module.css";
import { useNow } from "./use-now";

/**
 * The words for a time, which the panels show only once the browser's clock is read (useNow is null
 * on the server and at hydration): they come with deferred.ts, not in the first load (a chunk of
 * their own here downloaded them a second time).
 */
type TimeWords = typeof import("@/lib/study/time-words");

export interface ScopeLinks {
  deck: string | null;
  title: string;
}

export function BackLinks({ scope }: { scope: ScopeLinks }) {
  return (
    <div className={`row ${styles.studyPanelLinks}`}>
      <AppLink href="/dashboard" className="button">
        Back to dashboard
      </AppLink>
      <AppLink href={scope.deck ? `/decks/${scope.deck}` : "/decks"} className="button secondary">
        {scope.deck ? `Open ${scope.title}` : "All decks"}
      </AppLink>
    </div>
  );
}

/** Nothing is due and no learning card is pending: say so, and when to come back. */
export function NothingDue({
  scope,
  nextDayStart,
  headingRef,
  words,
}: {
  scope: ScopeLinks;
  nextDayStart: number;
  headingRef: Ref<HTMLHeadingElement>;
  words: Pick<TimeWords, "describeDue"> | null;
}) {
  const now = useNow(60_000);
  return (
    <section className={`card ${styles.studyPanel}`} aria-labelledby="study-panel-heading">
      <h2 id="study-panel-heading" ref={headingRef} tabIndex={-1}>
        Nothing due right now
      </h2>
      <p>
        You are up to date with {scope.deck ? scope.title : "all decks"}. New cards and reviews arrive with
        the next study day{now === null || !words ? "" : `, ${words.describeDue(nextDayStart, now)}`}.
      </p>
      <BackLinks scope={scope} />
    </section>
  );
}

/** Only learning cards are left, and none is due yet: a countdown, or study ahead, or stop here. */
export function WaitingPanel({
  nextDue,
  waiting,
  onStudyAhead,
  onEnd,
  headingRef,
  words,
}: {
  nextDue: number;
  waiting: number;
  onStudyAhead: () => void;
  onEnd: () => void;
  headingRef: Ref<HTMLHeadingElement>;
  words: Pick<TimeWords, "formatCountdown"> | null;
}) {
  const now = useNow(1000);
  return (
    <section className={`card ${styles.studyPanel}`} aria-labelledby="study-panel-heading">
      <h2 id="study-panel-heading" ref={headingRef} tabIndex={-1}>
        Next card in{" "}
        <span role="timer" className={styles.studyCountdown}>
          {now === null || !words ? "a moment" : words.formatCountdown(nextDue - now)}
        </span>
      </h2>
      <p className="muted">
        {waiting === 1 ? "A card you are learning comes" : `${waiting} cards you are learning come`} back when
        their step is up. Stay here, or study ahead now.
      </p>
      <div className={`row ${styles.studyPanelLinks}`}>
        <button type="button" className="button" onClick={onStudyAhead}>
          Study it now
        </button>
        <button type="button" className="button secondary" onClick={onEnd}>
          End session
        </button>
      </div>
    </section>
  );
}

"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";
import type { StudySessionData } from "@/lib/study/session-data";
import type { StudyQueueState } from "@/lib/study/session-queue";
import { nextUpcomingDue, phaseOf, remaining } from "@/lib/study/session-view";
import { CardFace } from "./card-face";
import { CardMarksBar } from "./card-marks";
import { NothingDue, WaitingPanel } from "./session-panels";
import styles from "./study.module.css";
import { StudyTopBar } from "./study-top-bar";
import { TypedAnswerForm } from "./typed-answer";
import { useStudyKeys } from "./use-study-keys";
import { useStudyQueue } from "./use-study-queue";
import { useTypedAnswer } from "./use-typed-answer";

interface StudySessionProps extends Pick<StudySessionData, "scope" | "leech"> {
  /** The session's first queue, started on the server (lib/study/session-queue `startSession`). */
  queue: StudyQueueState;
  /** The session's name (lib/study/scope `scopeTitle`). */
  title: string;
  typed?: boolean;
  /** The keys and the typed-answers switch under a card, rendered on the server (study-hint.tsx). */
  hint: ReactNode;
}

export function StudySession({
  queue,
  title,
  scope: sessionScope,
  leech,
  typed = false,
  hint,
}: StudySessionProps) {
  const { state, notice, actions, later, controller } = useStudyQueue({ queue, scope: sessionScope, leech });
  const typedAnswer = useTypedAnswer(typed, state, actions.reveal);
  const suggestedRef = useRef<HTMLButtonElement>(null);
  const [ended, setEnded] = useState(false);
  const phase = ended ? "ended" : phaseOf(state);
  const card = phase === "studying" && state.current !== null ? state.cards[state.current] : undefined;
  const { revealed, current, shownAt } = state;
  const comparison = card && typedAnswer.answer?.cardId === card.cardId ? typedAnswer.answer : null;
  const checkTyped = (text: string) => {
    if (card) typedAnswer.check(card, text);
  };

  const undo = () => {
    setEnded(false);
    actions.undo();
  };
  useStudyKeys({
    revealed: revealed && phase === "studying",
    onReveal: actions.reveal,
    onRate: actions.rate,
    onUndo: undo,
    studying: phase === "studying",
    onFlag: actions.flag,
    onBury: () => actions.setAside("buried"),
    onSuspend: () => actions.setAside("suspended"),
  });

  // Keyboard and screen-reader users always land on what comes next: the button, the answer, the panel.
  const showAnswerRef = useRef<HTMLButtonElement>(null);
  const answerRef = useRef<HTMLElement>(null);
  const panelHeadingRef = useRef<HTMLHeadingElement>(null);
  // The summary can mount after its phase began (ended before the deferred module arrived): focus it then.
  const summaryShown = (phase === "done" || phase === "ended") && later !== null;
  // Likewise the rating buttons, for an answer shown before their module arrived.
  const ratingsShown = revealed && later !== null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus whenever another card (or side) is shown
  useEffect(() => {
    if (phase !== "studying") panelHeadingRef.current?.focus();
    else if (revealed) (suggestedRef.current ?? answerRef.current)?.focus();
    else if (!typed) showAnswerRef.current?.focus();
    else document.getElementById("typed-answer")?.focus();
  }, [phase, revealed, current, shownAt, summaryShown, ratingsShown]);

  const scope = { deck: sessionScope.deck, title };
  const nextDue = nextUpcomingDue(state);
  return (
    <div className={styles.study}>
      <StudyTopBar
        title={title}
        counts={remaining(state)}
        canUndo={state.history.length > 0}
        onUndo={undo}
        syncStatus={later && controller && <later.SyncStatus outbox={controller} scope={sessionScope} />}
      />
      {notice && (
        <div className={`alert ${styles.studyNotice}`} role="status">
          <p>{notice}</p>
          <button type="button" className="button link" onClick={actions.dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
      {card && (
        <>
          <CardFace
            card={card}
            revealed={revealed}
            showDeck={sessionScope.deck === null}
            answerRef={answerRef}
            Details={later?.CardDetails ?? null}
          />
          {typed && !revealed && <TypedAnswerForm key={card.cardId} onCheck={checkTyped} />}
          {comparison && revealed && later && (
            <later.AnswerComparison typed={comparison.typed} check={comparison.check} />
          )}
          <div className={styles.studyActions}>
            {/* Shown answers come after hydration: the buttons' module is here by then, or within moments
                (keys 1–4 still rate meanwhile, applied when it lands: use-study-queue). */}
            {revealed ? (
              later && (
                <later.RatingButtons
                  card={card}
                  settings={state.settings}
                  userId={state.userId}
                  onRate={actions.rate}
                  suggested={comparison?.check.suggested}
                  suggestedRef={suggestedRef}
                />
              )
            ) : typed ? null : (
              <button
                ref={showAnswerRef}
                type="button"
                className={`button ${styles.studyShow}`}
                aria-keyshortcuts="Space Enter"
                aria-describedby="study-front"
                onClick={actions.reveal}
              >
                Show answer
                <span className="study-key" aria-hidden="true">
                  <kbd>Space</kbd>
                </span>
              </button>
            )}
          </div>
          <CardMarksBar
            flag={card.flag ?? 0}
            onFlag={actions.flag}
            onBury={() => actions.setAside("buried")}
            onSuspend={() => actions.setAside("suspended")}
          />
          {hint}
        </>
      )}
      {phase === "waiting" && nextDue !== null && (
        <WaitingPanel
          nextDue={nextDue}
          waiting={state.upcoming.length}
          onStudyAhead={actions.studyAhead}
          onEnd={() => setEnded(true)}
          headingRef={panelHeadingRef}
          words={later}
        />
      )}
      {/* A session ends after answers, so the summary's module is here by then (see deferred.ts). */}
      {(phase === "done" || phase === "ended") && later && (
        <later.SessionSummary
          state={state}
          scope={scope}
          finished={phase === "done"}
          headingRef={panelHeadingRef}
        />
      )}
      {phase === "nothing-due" && (
        <NothingDue scope={scope} nextDayStart={state.dayEnd} headingRef={panelHeadingRef} words={later} />
      )}
    </div>
  );
}

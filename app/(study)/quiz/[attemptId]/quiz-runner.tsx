"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { AnswerFeedback, QuizAttemptView } from "@/lib/data/quiz";
import { choiceLetter, type KeyTarget, quizKeyAction } from "@/lib/quiz/keys";
import { nextUnanswered } from "@/lib/quiz/progress";
import type { QuizResponse } from "@/lib/quiz/types";
import { AnswerReview, Mark } from "../answer-review";
import styles from "../quiz.module.css";
import { type AnswerProblem, postAnswer } from "./answer-request";
import { ChoiceQuestion } from "./choice-question";
import { FinishEarly } from "./finish-early";
import { MatchingQuestion } from "./matching-question";

export type QuizRunnerAttempt = Pick<QuizAttemptView, "id" | "deckSlug" | "questions">;
type Question = QuizAttemptView["questions"][number];
type Problem = { kind: AnswerProblem | "incomplete"; message: string };

const KIND_LABELS: Record<Question["kind"], string> = {
  "multiple-choice": "Multiple choice",
  "true-false": "True or false",
  matching: "Matching",
  "evidence-check": "Evidence check",
};

const MAX_DURATION_MS = 24 * 60 * 60 * 1000;

/** How the keyboard scheme sees the focused element. */
function keyTarget(target: EventTarget | null): KeyTarget {
  if (!(target instanceof HTMLElement)) return "other";
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return "typing";
  if (target instanceof HTMLInputElement) return target.type === "radio" ? "other" : "typing";
  if (target instanceof HTMLSelectElement) return "select";
  return target.closest("a, button, summary") ? "control" : "other";
}

/**
 * One question at a time. Answers go to the answers API, which scores them, feeds the schedule
 * and finishes the attempt after the last one; feedback from an earlier visit comes in as props.
 */
export function QuizRunner({
  attempt,
  titles,
}: {
  attempt: QuizRunnerAttempt;
  titles: Record<string, string>;
}) {
  const router = useRouter();
  const { questions } = attempt;
  const [answers, setAnswers] = useState<Record<string, AnswerFeedback>>({});
  const feedbackOf = (question: Question) => answers[question.id] ?? question.feedback;
  const answered = questions.map((question) => Boolean(feedbackOf(question)));
  const [index, setIndex] = useState(() => nextUnanswered(answered));
  const [resumed, setResumed] = useState(() => answered.some(Boolean));
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [pairs, setPairs] = useState<Record<string, Record<string, string>>>({});
  const [checking, setChecking] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const inFlight = useRef(false);
  const shownAt = useRef(0);
  const promptRef = useRef<HTMLHeadingElement>(null);
  const feedbackRef = useRef<HTMLElement>(null);
  const focusNext = useRef<"prompt" | "feedback" | null>(null);

  const question = index >= 0 ? questions[index] : undefined;
  const feedback = question ? feedbackOf(question) : null;
  const phase = checking ? "checking" : feedback ? "answered" : "answering";
  const answeredCount = answered.filter(Boolean).length;
  const isLast = nextUnanswered(answered, index + 1) < 0;

  useEffect(() => {
    shownAt.current = performance.now();
  }, []);

  // Focus moves with the learner: to the new question, or to the feedback on their answer.
  useEffect(() => {
    // A wish to focus the feedback waits for it to arrive (after reloading the quiz, say).
    const element =
      focusNext.current === "prompt" ? promptRef.current : focusNext.current && feedbackRef.current;
    if (!element) return;
    focusNext.current = null;
    element.focus();
  });

  function responseFor(current: Question): QuizResponse | string {
    if (current.kind === "matching") {
      const chosen = pairs[current.id] ?? {};
      const missing = current.prompts.filter((left) => !chosen[left]).length;
      if (missing > 0) return `Choose a match for every item first (${missing} left).`;
      return { pairs: chosen };
    }
    const choice = choices[current.id];
    if (!choice) {
      const last = current.choices.length - 1;
      return `Choose an answer first: click it, or press 1–${last + 1} or A–${choiceLetter(last)}.`;
    }
    return { choice };
  }

  async function check() {
    if (!question || feedback || inFlight.current) return;
    const response = responseFor(question);
    if (typeof response === "string") {
      setProblem({ kind: "incomplete", message: response });
      return;
    }
    inFlight.current = true;
    setChecking(true);
    setProblem(null);
    const durationMs = Math.min(
      MAX_DURATION_MS,
      Math.max(0, Math.round(performance.now() - shownAt.current)),
    );
    const result = await postAnswer(attempt.id, { itemId: question.id, response, durationMs });
    inFlight.current = false;
    setChecking(false);
    if (!result.ok) {
      setProblem({ kind: result.problem, message: result.message });
      return;
    }
    setAnswers((previous) => ({ ...previous, [question.id]: result.feedback }));
    setResumed(false);
    focusNext.current = "feedback";
  }

  function next() {
    if (leaving) return;
    const following = nextUnanswered(answered, index + 1);
    if (following < 0) {
      // The server finished the attempt with the last answer.
      setLeaving(true);
      router.push(`/quiz/${attempt.id}/result`);
      return;
    }
    setIndex(following);
    setProblem(null);
    shownAt.current = performance.now();
    focusNext.current = "prompt";
  }

  /** After a conflict: the server's view of the attempt replaces ours (or redirects to the result). */
  function reload() {
    setProblem(null);
    focusNext.current = "feedback";
    router.refresh();
  }

  function choose(choice: string) {
    if (!question) return;
    setChoices((previous) => ({ ...previous, [question.id]: choice }));
    if (problem?.kind === "incomplete") setProblem(null);
  }

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!question || event.defaultPrevented) return;
      const action = quizKeyAction(event, {
        phase,
        choiceCount: question.kind === "matching" ? 0 : question.choices.length,
        target: keyTarget(event.target),
      });
      if (!action) return;
      event.preventDefault();
      if (action.type === "choose") {
        const choice = question.choices[action.index];
        if (choice === undefined) return;
        choose(choice);
        document.getElementById(`choice-${question.id}-${action.index}`)?.focus();
      } else if (action.type === "check") {
        void check();
      } else {
        next();
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  });

  if (!question) {
    return (
      <section className={`card ${styles.quizQuestion} ${styles.quizNarrow}`}>
        <h2>Every question is answered</h2>
        <p className="muted">Finish the quiz to see your score.</p>
        <FinishEarly attemptId={attempt.id} unanswered={0} />
      </section>
    );
  }

  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(`/quiz/${attempt.id}`)}`;
  const pairResults = feedback?.pairResults ?? null;
  const keyHint =
    question.kind === "matching"
      ? "Tab to each list and type a letter or use the arrow keys; Enter checks your answer."
      : `Keys: 1–${question.choices.length} or A–${choiceLetter(question.choices.length - 1)} to choose, Enter to check.`;

  return (
    <div className={styles.quiz}>
      <div className={styles.quizProgress}>
        <p id="quiz-progress-label">
          <strong>
            Question {index + 1} of {questions.length}
          </strong>
          <span className="muted small"> · {answeredCount} answered</span>
        </p>
        <progress max={questions.length} value={answeredCount} aria-labelledby="quiz-progress-label" />
      </div>
      {resumed && (
        <p className={`${styles.quizNote} small`} role="status">
          Resumed where you left off.
        </p>
      )}

      <section className={`card ${styles.quizQuestion}`} aria-labelledby="question-prompt">
        <div className={styles.quizMeta}>
          <span className="pill">{KIND_LABELS[question.kind]}</span>
          {question.topic && <span className="muted small">{question.topic}</span>}
        </div>
        <h2 id="question-prompt" ref={promptRef} tabIndex={-1} className={styles.quizPrompt}>
          <span className="visually-hidden">
            Question {index + 1} of {questions.length}:{" "}
          </span>
          {question.prompt}
        </h2>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void check();
          }}
        >
          {question.kind === "matching" ? (
            <MatchingQuestion
              questionId={question.id}
              labelledBy="question-prompt"
              prompts={question.prompts}
              choices={question.choices}
              pairs={pairs[question.id] ?? {}}
              onChange={(left, right) => {
                setPairs((previous) => ({
                  ...previous,
                  [question.id]: { ...previous[question.id], [left]: right },
                }));
                if (problem?.kind === "incomplete") setProblem(null);
              }}
              results={pairResults}
            />
          ) : (
            <ChoiceQuestion
              questionId={question.id}
              labelledBy="question-prompt"
              choices={question.choices}
              selected={choices[question.id]}
              onSelect={choose}
              answer={feedback}
            />
          )}
          <div aria-live="polite">
            {problem && (
              <div className={`alert error ${styles.quizProblem}`}>
                <p>
                  {problem.kind === "signed-out"
                    ? "Your session has ended. Sign in again to go on; the answers you gave are saved."
                    : problem.message}
                </p>
                {problem.kind === "signed-out" && <Link href={signInHref}>Sign in again</Link>}
                {problem.kind === "not-found" && (
                  <Link href={`/decks/${attempt.deckSlug}/quiz`}>Back to this deck&apos;s quizzes</Link>
                )}
                {problem.kind === "conflict" && (
                  <button type="button" className="button secondary" onClick={reload}>
                    Reload the quiz
                  </button>
                )}
                {(problem.kind === "network" || problem.kind === "server") && (
                  <button type="button" className="button secondary" onClick={() => void check()}>
                    Try again
                  </button>
                )}
              </div>
            )}
          </div>
          {!feedback && (
            <div className={`row ${styles.quizActions}`}>
              <button type="submit" className="button" disabled={checking} aria-disabled={checking}>
                {checking ? "Checking…" : "Check answer"}
              </button>
              <p className={`hint ${styles.quizKeyHint}`}>{keyHint}</p>
            </div>
          )}
        </form>

        {feedback && (
          <section
            ref={feedbackRef}
            tabIndex={-1}
            className={`${styles.quizFeedback} ${feedback.correct ? "is-right" : "is-wrong"}`}
            aria-labelledby="feedback-heading"
          >
            <h3 id="feedback-heading" className={styles.quizVerdict}>
              <Mark right={feedback.correct} />
              <span>
                {feedback.correct ? "Right" : "Not right"}
                {pairResults && !feedback.correct && (
                  <span className={styles.quizVerdictDetail}>
                    : {pairResults.filter((pair) => pair.correct).length} of {pairResults.length} pairs
                    matched
                  </span>
                )}
              </span>
            </h3>
            {typeof feedback.expected === "string" && (
              <p>
                The right answer: <strong>{feedback.expected}</strong>
              </p>
            )}
            <AnswerReview answer={feedback} titles={titles} />
            {feedback.rescheduled.length > 0 && (
              <p className="small muted">
                This answer updated the review schedule of {feedback.rescheduled.length}{" "}
                {feedback.rescheduled.length === 1 ? "card" : "cards"}.
              </p>
            )}
            <div className={`row ${styles.quizActions}`}>
              <button
                type="button"
                className="button"
                onClick={next}
                disabled={leaving}
                aria-disabled={leaving}
              >
                {isLast ? (leaving ? "Opening your result…" : "See your result") : "Next question"}
              </button>
              <p className={`hint ${styles.quizKeyHint}`}>or press Enter</p>
            </div>
          </section>
        )}
      </section>

      {!isLast && (
        <div className={styles.quizFooter}>
          <FinishEarly attemptId={attempt.id} unanswered={questions.length - answeredCount} />
        </div>
      )}
    </div>
  );
}

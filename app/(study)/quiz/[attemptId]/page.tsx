import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { findQuizAttempt, getSourceTitles } from "../loaders";
import styles from "../quiz.module.css";
import { QuizRunner } from "./quiz-runner";

export const metadata: Metadata = { title: "Quiz" };

type Props = { params: Promise<{ attemptId: string }> };

export default async function QuizAttemptPage({ params }: Props) {
  const { attemptId } = await params;
  const user = await requirePageUser(`/quiz/${encodeURIComponent(attemptId)}`);
  const [attempt, titles] = await Promise.all([findQuizAttempt(user.id, attemptId), getSourceTitles()]);
  if (!attempt) notFound();
  if (attempt.status === "finished") redirect(`/quiz/${attempt.id}/result`);
  const deckQuizzes = `/decks/${encodeURIComponent(attempt.deckSlug)}/quiz`;

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <Link href="/decks">Decks</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/decks/${encodeURIComponent(attempt.deckSlug)}`}>{attempt.deckTitle}</Link>{" "}
        <span aria-hidden="true">/</span> <Link href={deckQuizzes}>Quiz</Link>{" "}
        <span aria-hidden="true">/</span>
      </nav>
      <h1 className={styles.quizTitle}>Quiz: {attempt.deckTitle}</h1>
      {attempt.status === "discarded" ? (
        <section className={`card ${styles.quizQuestion} ${styles.quizNarrow}`}>
          <h2>This quiz was discarded</h2>
          <p className="muted">
            It can no longer be answered. Answers you gave before discarding it still count for your review
            schedule.
          </p>
          <Link href={deckQuizzes} className="button">
            Start another quiz
          </Link>
        </section>
      ) : (
        <QuizRunner
          attempt={{ id: attempt.id, deckSlug: attempt.deckSlug, questions: attempt.questions }}
          titles={titles}
        />
      )}
    </>
  );
}

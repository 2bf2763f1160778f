import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { EvidenceBadge } from "@/app/ui/evidence-badge";
import { requirePageUser } from "@/lib/auth/session";
import { describeDuration } from "@/lib/quiz/progress";
import { AnswerReview, isEvidenceLevel } from "../../answer-review";
import { findQuizResult, getSourceTitles } from "../../loaders";
import styles from "../../quiz.module.css";
import { BreakdownList } from "./breakdown-list";

export const metadata: Metadata = { title: "Quiz result" };

type Props = { params: Promise<{ attemptId: string }> };

export default async function QuizResultPage({ params }: Props) {
  const { attemptId } = await params;
  const user = await requirePageUser(`/quiz/${encodeURIComponent(attemptId)}/result`);
  const [result, titles] = await Promise.all([findQuizResult(user.id, attemptId), getSourceTitles()]);
  if (!result) notFound();
  if (result === "unfinished") redirect(`/quiz/${encodeURIComponent(attemptId)}`);
  const { summary, missed, asked, answered } = result;
  // Out of the questions asked, as in the deck's quiz history: stopping early does not raise the score.
  const percent = summary.percent;
  const deckHref = `/decks/${encodeURIComponent(result.deckSlug)}`;
  const studyHref = `/study?cards=${result.missedCardIds.map(encodeURIComponent).join(",")}`;

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <Link href="/decks">Decks</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={deckHref}>{result.deckTitle}</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`${deckHref}/quiz`}>Quiz</Link> <span aria-hidden="true">/</span>
      </nav>
      <h1>Your result</h1>

      <section className={`card ${styles.quizScore}`} aria-labelledby="score-heading">
        <h2 id="score-heading" className="visually-hidden">
          Score
        </h2>
        <p className={styles.quizScoreMain}>
          <span className={styles.quizScoreNumber}>
            {summary.right}
            <span className={styles.quizScoreOf}> / {asked}</span>
          </span>
          <span className={styles.quizScorePercent}>{percent}%</span>
        </p>
        <p>
          <strong>
            {summary.right} of {asked} right
          </strong>{" "}
          <span className="muted">
            · {result.deckTitle} · time taken {describeDuration(result.durationMs)}
          </span>
        </p>
        {answered < asked && (
          <p className="muted small">
            You finished after answering {answered} of {asked} questions.
          </p>
        )}
        <div className="row">
          {result.missedCardIds.length > 0 && (
            <Link href={studyHref} className="button">
              Study these cards ({result.missedCardIds.length})
            </Link>
          )}
          <Link
            href={`${deckHref}/quiz`}
            className={`button ${result.missedCardIds.length ? "secondary" : ""}`}
          >
            Take another quiz
          </Link>
          <Link href={deckHref} className="button secondary">
            Back to deck
          </Link>
        </div>
      </section>

      {answered > 0 && (
        <div className={styles.quizBreakdowns}>
          <section className="card" aria-labelledby="topics-heading">
            <h2 id="topics-heading">By topic</h2>
            <BreakdownList rows={summary.byTopic} label={(key) => key} />
          </section>
          <section className="card" aria-labelledby="evidence-heading">
            <h2 id="evidence-heading">By evidence level</h2>
            <BreakdownList
              rows={summary.byEvidence}
              label={(key) => (isEvidenceLevel(key) ? <EvidenceBadge level={key} /> : key)}
            />
          </section>
        </div>
      )}

      <section aria-labelledby="missed-heading">
        <div className="section-title">
          <h2 id="missed-heading">
            {missed.length ? `Questions you missed (${missed.length})` : "Nothing missed"}
          </h2>
        </div>
        {missed.length === 0 ? (
          <div className="card empty-state">
            {answered ? "Every answer was right." : "You did not answer any questions in this quiz."}
          </div>
        ) : (
          <ol className={`feature-list ${styles.quizMissed}`}>
            {missed.map((item) => (
              <li key={item.itemId} className="card">
                <h3 className={styles.quizMissedPrompt}>{item.prompt}</h3>
                <AnswerReview answer={item} titles={titles} outcome />
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

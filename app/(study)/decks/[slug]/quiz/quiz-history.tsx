import Link from "next/link";
import type { getQuizHistory } from "@/lib/data/quiz";
import styles from "../../../quiz/quiz.module.css";

type QuizHistory = Awaited<ReturnType<typeof getQuizHistory>>;

const MODE_LABELS: Record<string, string> = { mixed: "Mixed", evidence: "Evidence checks" };

type Score = { score: number; total: number };
const percentOf = ({ score, total }: Score) => (total ? Math.round((score / total) * 100) : 0);

function ScoreStat({ label, attempt }: { label: string; attempt: Score | null }) {
  return (
    <div className={styles.quizStat}>
      <dt>{label}</dt>
      <dd>
        {attempt ? (
          <>
            <span className={styles.quizStatValue}>{percentOf(attempt)}%</span>
            <span className={`${styles.quizStatDetail} muted small`}>
              {attempt.score} of {attempt.total}
            </span>
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </dd>
    </div>
  );
}

/** Best and last score and every finished attempt, newest first, dated in the learner's zone. */
export function QuizHistoryList({ history, timeZone }: { history: QuizHistory; timeZone: string }) {
  const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });
  if (history.finished.length === 0) {
    return <p className="muted">No finished quizzes on this deck yet. Your scores will appear here.</p>;
  }
  return (
    <>
      <dl className={styles.quizStats}>
        <ScoreStat label="Best" attempt={history.best} />
        <ScoreStat label="Last" attempt={history.last} />
        <div className={styles.quizStat}>
          <dt>Taken</dt>
          <dd>
            <span className={styles.quizStatValue}>{history.finished.length}</span>
          </dd>
        </div>
      </dl>
      <ol className="feature-list quiz-history">
        {history.finished.map((attempt) => (
          <li key={attempt.id} className={styles.quizHistoryItem}>
            <span>
              <time dateTime={new Date(attempt.startedAt).toISOString()}>
                {date.format(attempt.startedAt)}
              </time>
              <span className={`${styles.quizHistoryMode} muted small`}>
                {MODE_LABELS[attempt.mode] ?? attempt.mode}
              </span>
            </span>
            <span className={styles.quizHistoryScore}>
              {attempt.score} / {attempt.total} <span className="muted small">({percentOf(attempt)}%)</span>
            </span>
            <Link href={`/quiz/${attempt.id}/result`}>
              Result<span className="visually-hidden"> of {date.format(attempt.startedAt)}</span>
            </Link>
          </li>
        ))}
      </ol>
    </>
  );
}

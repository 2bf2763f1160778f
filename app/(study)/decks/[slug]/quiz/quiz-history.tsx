import Link from "next/link";
import type { getQuizHistory } from "@/lib/data/quiz";

type QuizHistory = Awaited<ReturnType<typeof getQuizHistory>>;

const MODE_LABELS: Record<string, string> = { mixed: "Mixed", evidence: "Evidence checks" };

type Score = { score: number; total: number };
const percentOf = ({ score, total }: Score) => (total ? Math.round((score / total) * 100) : 0);

function ScoreStat({ label, attempt }: { label: string; attempt: Score | null }) {
  return (
    <div className="quiz-stat">
      <dt>{label}</dt>
      <dd>
        {attempt ? (
          <>
            <span className="quiz-stat-value">{percentOf(attempt)}%</span>
            <span className="quiz-stat-detail muted small">
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
      <dl className="quiz-stats">
        <ScoreStat label="Best" attempt={history.best} />
        <ScoreStat label="Last" attempt={history.last} />
        <div className="quiz-stat">
          <dt>Taken</dt>
          <dd>
            <span className="quiz-stat-value">{history.finished.length}</span>
          </dd>
        </div>
      </dl>
      <ol className="feature-list quiz-history">
        {history.finished.map((attempt) => (
          <li key={attempt.id} className="quiz-history-item">
            <span>
              <time dateTime={new Date(attempt.startedAt).toISOString()}>
                {date.format(attempt.startedAt)}
              </time>
              <span className="quiz-history-mode muted small">
                {MODE_LABELS[attempt.mode] ?? attempt.mode}
              </span>
            </span>
            <span className="quiz-history-score">
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

import Link from "next/link";
import { EvidenceBadge } from "@/app/ui/evidence-badge";
import { EVIDENCE_LEVELS, type EvidenceLevel } from "@/app/ui/evidence-labels";
import { quoteHref } from "@/app/ui/source-link";
import type { AnswerFeedback } from "@/lib/data/quiz";
import styles from "./quiz.module.css";

// No hooks here: the quiz page (client) and the result page (server) both render it.

export type ReviewedAnswer = Pick<
  AnswerFeedback,
  "correct" | "expected" | "pairResults" | "response" | "explanation" | "evidence" | "sources"
> & { caveat?: AnswerFeedback["caveat"] };
export type PairResult = NonNullable<AnswerFeedback["pairResults"]>[number];

export const isEvidenceLevel = (value: string): value is EvidenceLevel =>
  (EVIDENCE_LEVELS as readonly string[]).includes(value);

/** A tick or a cross next to the words that say the same, so right and wrong never rest on colour. */
export function Mark({ right }: { right: boolean }) {
  return (
    <span className={`${styles.quizMark} ${right ? "is-right" : "is-wrong"}`} aria-hidden="true">
      {right ? "✓" : "✗"}
    </span>
  );
}

/** Every pair of a matching answer: the learner's match, right or wrong, and the right one. */
export function PairResults({ pairs }: { pairs: PairResult[] }) {
  return (
    <ul className={`feature-list ${styles.quizPairs}`}>
      {pairs.map((pair) => (
        <li key={pair.left} className={`${styles.quizPair} ${pair.correct ? "is-right" : "is-wrong"}`}>
          <Mark right={pair.correct} />
          <span>
            <span className={styles.quizPairLeft}>{pair.left}</span>
            <span className={styles.quizPairAnswer}>
              {pair.correct ? (
                <>
                  Right: <strong>{pair.right}</strong>
                </>
              ) : (
                <>
                  Wrong, you chose {pair.chosen ? <q>{pair.chosen}</q> : "nothing"}
                  <br />
                  Right match: <strong>{pair.right}</strong>
                </>
              )}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

function ChoiceOutcome({ answer }: { answer: ReviewedAnswer }) {
  const chosen = "choice" in answer.response ? answer.response.choice : "";
  return (
    <>
      <p className={`${styles.quizAnswerLine} ${answer.correct ? "is-right" : "is-wrong"}`}>
        <Mark right={answer.correct} /> Your answer: <strong>{chosen}</strong> (
        {answer.correct ? "right" : "wrong"})
      </p>
      {!answer.correct && (
        <p className={`${styles.quizAnswerLine} is-right`}>
          <Mark right /> Right answer: <strong>{String(answer.expected)}</strong>
        </p>
      )}
    </>
  );
}

/** "Title", or "Title (quote 2)" when one answer quotes the same document twice. */
function sourceLabels(sources: ReviewedAnswer["sources"], titles: Record<string, string>): string[] {
  const seen = new Map<string, number>();
  return sources.map(({ document }) => {
    const n = (seen.get(document) ?? 0) + 1;
    seen.set(document, n);
    const title = titles[document] ?? document;
    return n > 1 ? `${title} (quote ${n})` : title;
  });
}

/**
 * What an answer teaches: optionally the learner's answer against the right one, then the
 * explanation, how sure the evidence is (and in whom), and the quoted passages with links.
 */
export function AnswerReview({
  answer,
  titles,
  outcome = false,
}: {
  answer: ReviewedAnswer;
  titles: Record<string, string>;
  outcome?: boolean;
}) {
  const labels = sourceLabels(answer.sources, titles);
  return (
    <div className={styles.quizReview}>
      {outcome &&
        (Array.isArray(answer.expected) ? (
          <PairResults pairs={answer.pairResults ?? []} />
        ) : (
          <ChoiceOutcome answer={answer} />
        ))}
      <p className={styles.quizExplanation}>{answer.explanation}</p>
      <div className={styles.quizReviewPart}>
        <p className={styles.quizReviewLabel}>How sure are we, and in whom?</p>
        {isEvidenceLevel(answer.evidence) ? (
          <EvidenceBadge level={answer.evidence} explain caveat={answer.caveat} />
        ) : (
          <span className="pill">{answer.evidence}</span>
        )}
      </div>
      {answer.sources.length > 0 && (
        <div className={styles.quizReviewPart}>
          <p className={styles.quizReviewLabel}>{answer.sources.length > 1 ? "Sources" : "Source"}</p>
          {answer.sources.map((source, i) => (
            <blockquote key={source.quoteId} className={styles.quizQuote}>
              <p>“{source.quote}”</p>
              <footer>
                <Link href={quoteHref(source.document, source.quoteId)}>
                  See the passage in <cite>{labels[i]}</cite>
                </Link>
              </footer>
            </blockquote>
          ))}
        </div>
      )}
    </div>
  );
}

import type { TypedAnswerCheck } from "@/lib/study/typed-answer";
import styles from "./deferred.module.css";

const GRADE = ["", "Again", "Hard", "Good", "Easy"];

/** What was typed against the answer, character by character, and the suggested grade. */
export function AnswerComparison({ typed, check }: { typed: string; check: TypedAnswerCheck }) {
  return (
    <section className={styles.comparison} aria-labelledby="typed-heading">
      <h3 id="typed-heading" className="small">
        {check.exact ? "Right" : `${Math.round(check.similarity * 100)}% right`} · suggested grade:{" "}
        {GRADE[check.suggested]}
      </h3>
      <p className="visually-hidden">You typed: {typed || "nothing"}.</p>
      <p className={styles.diff} aria-hidden="true">
        {check.parts.map((part, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one fixed comparison, in order
          <span key={i} className={styles[part.kind]}>
            {part.text}
          </span>
        ))}
      </p>
      <p className="muted small">
        <span className={styles.extra}>struck out</span>: typed but not in the answer ·{" "}
        <span className={styles.missing}>underlined</span>: missing
      </p>
    </section>
  );
}

import type { ReactNode } from "react";
import type { Breakdown } from "@/lib/quiz/summary";
import styles from "../../quiz.module.css";

/** Right answers per group as small bars; the text beside each bar says the same in words. */
export function BreakdownList({ rows, label }: { rows: Breakdown[]; label: (key: string) => ReactNode }) {
  return (
    <ul className={`feature-list ${styles.quizBreakdown}`}>
      {rows.map((row) => {
        const percent = row.total ? Math.round((row.right / row.total) * 100) : 0;
        return (
          <li key={row.key} className={styles.quizBreakdownRow}>
            <span className="quiz-breakdown-label">{label(row.key)}</span>
            <span className={styles.quizBar} aria-hidden="true">
              <span className={styles.quizBarFill} style={{ width: `${percent}%` }} />
            </span>
            <span className={`${styles.quizBreakdownText} small`}>
              {row.right} of {row.total} right
            </span>
          </li>
        );
      })}
    </ul>
  );
}

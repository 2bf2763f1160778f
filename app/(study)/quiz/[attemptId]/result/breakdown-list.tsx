import type { ReactNode } from "react";
import type { Breakdown } from "@/lib/quiz/summary";

/** Right answers per group as small bars; the text beside each bar says the same in words. */
export function BreakdownList({ rows, label }: { rows: Breakdown[]; label: (key: string) => ReactNode }) {
  return (
    <ul className="feature-list quiz-breakdown">
      {rows.map((row) => {
        const percent = row.total ? Math.round((row.right / row.total) * 100) : 0;
        return (
          <li key={row.key} className="quiz-breakdown-row">
            <span className="quiz-breakdown-label">{label(row.key)}</span>
            <span className="quiz-bar" aria-hidden="true">
              <span className="quiz-bar-fill" style={{ width: `${percent}%` }} />
            </span>
            <span className="quiz-breakdown-text small">
              {row.right} of {row.total} right
            </span>
          </li>
        );
      })}
    </ul>
  );
}

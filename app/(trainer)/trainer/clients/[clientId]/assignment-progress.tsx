import type { AssignmentProgressOverTime } from "@/lib/data/trainer/client-detail";
import type { AssignmentRow } from "@/lib/data/trainer/dashboard";
import { AssignmentSummary } from "../../clients-assignment";
import { plural, shortDateText } from "../../clients-words";
import styles from "./client-page.module.css";
import { IntroducedChart, type IntroducedPoint } from "./introduced-chart";

const WEEK_MS = 7 * 86_400_000;

/** The assignment's start, then the end of each week (or now, for the current week). */
function introducedPoints(progress: AssignmentProgressOverTime, now: Date): IntroducedPoint[] {
  const start = progress.weeks[0]?.weekStart;
  if (!start) return [];
  return [
    {
      label: shortDateText(start),
      title: `Assigned ${shortDateText(start)}`,
      total: progress.introducedBefore,
      introduced: null,
    },
    ...progress.weeks.map((week) => {
      const current = week.weekStart.getTime() + WEEK_MS > now.getTime();
      return {
        // The current week is not over: its point is "now", not a full week after the last.
        label: current ? "Now" : shortDateText(new Date(week.weekStart.getTime() + WEEK_MS)),
        title: `Week of ${shortDateText(week.weekStart)}${current ? " (so far)" : ""}`,
        total: week.total,
        introduced: week.introduced,
      };
    }),
  ];
}

/** One or two sentences with what the chart shows. */
export function progressSummary(progress: AssignmentProgressOverTime): string {
  const start = progress.weeks[0]?.weekStart;
  const total = progress.weeks.at(-1)?.total ?? progress.introducedBefore;
  if (!start) return `${total} of ${plural(progress.cards, "card")} introduced.`;
  const since = total - progress.introducedBefore;
  const before =
    progress.introducedBefore > 0 ? ` (${progress.introducedBefore} already before it was assigned)` : "";
  const parts = [
    `${total} of ${plural(progress.cards, "card")} introduced${before}; ${since} since it was assigned on ${shortDateText(start)}, over ${plural(progress.weeks.length, "week")}.`,
  ];
  const best = progress.weeks.reduce((top, week) => (week.introduced > top.introduced ? week : top));
  if (best.introduced > 0 && progress.weeks.length > 1) {
    parts.push(`Most in the week of ${shortDateText(best.weekStart)}: ${best.introduced}.`);
  }
  return parts.join(" ");
}

export function AssignmentProgress({
  assignment,
  progress,
  now,
  children,
}: {
  assignment: AssignmentRow;
  progress: AssignmentProgressOverTime | undefined;
  now: Date;
  /** Tools for this assignment (the in-place editor). */
  children?: React.ReactNode;
}) {
  const summaryId = `progress-summary-${assignment.assignmentId}`;
  const points = progress ? introducedPoints(progress, now) : [];
  return (
    <li className={`card ${styles.assignmentProgress}`}>
      <AssignmentSummary assignment={assignment} />
      {children}
      {progress && (
        <div className={styles.assignmentProgressChart}>
          <h3 className="small">Cards introduced over time</h3>
          <p id={summaryId} className="small muted">
            {progressSummary(progress)}
          </p>
          {points.length > 1 && (
            <IntroducedChart points={points} cards={progress.cards} summaryId={summaryId} />
          )}
          <details className="small">
            <summary>Show as a table</summary>
            <table className="stats-table compact">
              <thead>
                <tr>
                  <th scope="col">Week of</th>
                  <th scope="col" className="numeric">
                    New
                  </th>
                  <th scope="col" className="numeric">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {progress.weeks.map((week) => (
                  <tr key={week.weekStart.toISOString()}>
                    <td>{shortDateText(week.weekStart)}</td>
                    <td className="numeric">{week.introduced}</td>
                    <td className="numeric">{week.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </div>
      )}
    </li>
  );
}

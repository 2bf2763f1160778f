import type { WeekPoint } from "@/lib/trainer/progress";
import styles from "./history.module.css";

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { top: 12, right: 40, bottom: 28, left: 40 };

const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
export const weekLabel = (week: WeekPoint) => dayMonth.format(week.weekStart);

/**
 * Week by week for one assignment (or one deck over a group): reviews as bars (right scale),
 * predicted recall and retention as lines (left scale, percent). Plain SVG drawn on the server,
 * so it prints and needs no script. One image to assistive technology, named by the summary next
 * to it; the same numbers are in the table below it (as the statistics page's charts do).
 */
export function HistoryChart({ weeks, summaryId }: { weeks: readonly WeekPoint[]; summaryId: string }) {
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, weeks.length);
  const maxReviews = Math.max(1, ...weeks.map((w) => w.reviews));
  const x = (i: number) => PAD.left + slot * i + slot / 2;
  const yShare = (share: number) => PAD.top + innerH * (1 - share);
  const line = (pick: (w: WeekPoint) => number | null) => {
    const parts: string[] = [];
    let pen = "M";
    weeks.forEach((w, i) => {
      const value = pick(w);
      if (value === null) {
        pen = "M";
        return;
      }
      parts.push(`${pen}${x(i).toFixed(1)},${yShare(value).toFixed(1)}`);
      pen = "L";
    });
    return parts.join(" ");
  };
  return (
    <svg
      className={styles.chart}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={summaryId}
      preserveAspectRatio="xMidYMid meet"
    >
      <title>Reviews, retention and predicted recall by week</title>
      {[0, 0.5, 1].map((share) => (
        <g key={share}>
          <line
            className={styles.grid}
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={yShare(share)}
            y2={yShare(share)}
          />
          <text className={styles.axis} x={PAD.left - 6} y={yShare(share) + 4} textAnchor="end">
            {Math.round(share * 100)}%
          </text>
          <text className={styles.axis} x={WIDTH - PAD.right + 6} y={yShare(share) + 4}>
            {Math.round(maxReviews * share)}
          </text>
        </g>
      ))}
      {weeks.map((w, i) => {
        const h = (innerH * w.reviews) / maxReviews;
        return (
          <g key={w.weekStart.toISOString()}>
            <rect
              className={styles.bar}
              x={x(i) - slot * 0.3}
              width={slot * 0.6}
              y={PAD.top + innerH - h}
              height={h}
            />
            <text className={styles.axis} x={x(i)} y={HEIGHT - 8} textAnchor="middle">
              {weekLabel(w)}
            </text>
          </g>
        );
      })}
      <path className={styles.recall} d={line((w) => w.predictedRecall)} />
      <path className={styles.retention} d={line((w) => w.retention)} />
      {weeks.map((w, i) =>
        w.predictedRecall === null ? null : (
          <circle
            key={`r${w.weekStart.toISOString()}`}
            className={styles.recallDot}
            cx={x(i)}
            cy={yShare(w.predictedRecall)}
            r={3.5}
          />
        ),
      )}
      {weeks.map((w, i) =>
        w.retention === null ? null : (
          <rect
            key={`t${w.weekStart.toISOString()}`}
            className={styles.retentionDot}
            x={x(i) - 3.5}
            y={yShare(w.retention) - 3.5}
            width={7}
            height={7}
          />
        ),
      )}
    </svg>
  );
}

/** The chart's key: shapes as well as colours, so it reads in print and without colour. */
export function HistoryLegend() {
  return (
    <ul className={styles.legend} aria-hidden="true">
      <li>
        <span className={`${styles.key} ${styles.keyRecall}`} /> Predicted recall (●, left)
      </li>
      <li>
        <span className={`${styles.key} ${styles.keyRetention}`} /> Retention (■, left)
      </li>
      <li>
        <span className={`${styles.key} ${styles.keyBar}`} /> Reviews (bars, right)
      </li>
    </ul>
  );
}

import type { DayCount } from "@/lib/srs";
import { longDay, monthOf, plural, weekdayOf } from "./format";
import styles from "./stats.module.css";

const CELL = 12;
const STEP = 15;
const LEFT = 30;
const TOP = 18;
const WEEKDAY_LABELS = [
  [1, "Mon"],
  [3, "Wed"],
  [5, "Fri"],
] as const;

/** 0 for no reviews, else 1–4 by share of the busiest day. */
const levelOf = (count: number, max: number) => (count === 0 ? 0 : Math.min(4, Math.ceil((count / max) * 4)));

/**
 * A GitHub-style calendar of reviews per study day: weeks as columns, Sunday on top. Plain SVG
 * rendered on the server; each day has a native tooltip and the whole has a text summary.
 */
export function ReviewHeatmap({ days, summaryId }: { days: readonly DayCount[]; summaryId: string }) {
  const firstDay = days[0]?.day;
  if (!firstDay) return null;
  const offset = weekdayOf(firstDay);
  const columns = Math.ceil((days.length + offset) / 7);
  const max = Math.max(1, ...days.map((day) => day.count));
  const months: { column: number; label: string }[] = [];
  days.forEach((day, i) => {
    const column = Math.floor((i + offset) / 7);
    const last = months.at(-1);
    if (day.day.endsWith("-01") && column < columns - 2 && (!last || column - last.column >= 3)) {
      months.push({ column, label: monthOf(day.day) });
    }
  });

  return (
    // Scrolls sideways on a phone, so the keyboard must be able to reach it (axe scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is focusable so arrow keys scroll it.
    <section className={styles.heatmapScroll} tabIndex={0} aria-label="Reviews per day, scrolls sideways">
      <svg
        className={styles.heatmap}
        width={LEFT + columns * STEP}
        height={TOP + 7 * STEP}
        viewBox={`0 0 ${LEFT + columns * STEP} ${TOP + 7 * STEP}`}
        role="img"
        aria-describedby={summaryId}
      >
        <title>Reviews per day over the last year</title>
        {months.map((month) => (
          <text key={`${month.column}`} x={LEFT + month.column * STEP} y={11} className={styles.heatmapLabel}>
            {month.label}
          </text>
        ))}
        {WEEKDAY_LABELS.map(([row, label]) => (
          <text key={label} x={0} y={TOP + row * STEP + CELL - 2} className={styles.heatmapLabel}>
            {label}
          </text>
        ))}
        {days.map((day, i) => (
          <rect
            key={day.day}
            x={LEFT + Math.floor((i + offset) / 7) * STEP}
            y={TOP + ((i + offset) % 7) * STEP}
            width={CELL}
            height={CELL}
            rx={2.5}
            className={styles[`heat${levelOf(day.count, max)}`]}
          >
            <title>{`${plural(day.count, "review")} · ${longDay(day.day)}`}</title>
          </rect>
        ))}
      </svg>
    </section>
  );
}

/** The calendar in a card with its one-sentence summary and the legend (statistics, a trainer's client). */
export function HeatmapCard({
  days,
  summaryId,
  summary,
}: {
  days: readonly DayCount[];
  summaryId: string;
  summary: string;
}) {
  return (
    <div className="card">
      <ReviewHeatmap days={days} summaryId={summaryId} />
      <div className={styles.heatmapFooter}>
        <p id={summaryId} className="small muted">
          {summary}
        </p>
        <HeatmapLegend />
      </div>
    </div>
  );
}

function HeatmapLegend() {
  return (
    <div className={`${styles.heatmapLegend} small muted`} aria-hidden="true">
      Less
      {[0, 1, 2, 3, 4].map((level) => (
        <span key={level} className={`${styles.heatmapSwatch} ${styles[`heat${level}`]}`} />
      ))}
      More
    </div>
  );
}

/** One sentence a screen reader gets instead of 365 squares. */
export function heatmapSummary(days: readonly DayCount[], streak: number): string {
  const total = days.reduce((sum, day) => sum + day.count, 0);
  if (total === 0) return "No reviews in the last 365 days.";
  const active = days.filter((day) => day.count > 0).length;
  const best = days.reduce((top, day) => (day.count > top.count ? day : top));
  return [
    `${plural(total, "review")} on ${plural(active, "day")} of the last 365.`,
    `Busiest day: ${longDay(best.day)} with ${plural(best.count, "review")}.`,
    `Current streak: ${plural(streak, "day")}.`,
  ].join(" ");
}

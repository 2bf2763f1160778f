import type { WeekPoint } from "@/lib/trainer/progress";

/** How the history views put weeks into words. Pure. */

export const share = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);

/** One or two sentences with what a weekly chart shows, for its accessible name and for print. */
export function historySummary(weeks: readonly WeekPoint[]): string {
  const total = weeks.reduce((sum, w) => sum + w.reviews, 0);
  const last = weeks.at(-1);
  if (!last || total === 0) return `No reviews in the last ${weeks.length} weeks.`;
  const active = weeks.filter((w) => w.reviews > 0).length;
  const parts = [
    `${total.toLocaleString("en-GB")} reviews over ${weeks.length} weeks, in ${active} of them.`,
  ];
  const first = weeks.find((w) => w.predictedRecall !== null);
  if (first && last.predictedRecall !== null && first !== last)
    parts.push(
      `Predicted recall went from ${share(first.predictedRecall)} to ${share(last.predictedRecall)}.`,
    );
  else if (last.predictedRecall !== null) parts.push(`Predicted recall now ${share(last.predictedRecall)}.`);
  if (last.retention !== null) parts.push(`Retention this week ${share(last.retention)}.`);
  return parts.join(" ");
}

import { type StatTile, StatTiles } from "@/app/ui/stat-tiles";
import type { LearnerStats } from "@/lib/data/stats";
import type { Retention } from "@/lib/srs";
import { percent, plural } from "./format";

const answeredNote = (retention: Retention) =>
  retention.answered === 0
    ? "no reviews of learned cards yet"
    : `${retention.recalled} of ${plural(retention.answered, "review")} recalled`;

/** The headline figures, each read as one phrase ("2 reviews today"). */
export function StatsSummary({ stats }: { stats: LearnerStats }) {
  const { totals, retention } = stats;
  const tiles: StatTile[] = [
    { value: totals.reviewsToday, label: totals.reviewsToday === 1 ? "review today" : "reviews today" },
    {
      value: totals.streak,
      label: "day streak",
      note: `${plural(totals.activeDays, "study day")} this year`,
    },
    {
      value: percent(retention.last7.rate),
      label: "true retention, 7 days",
      note: answeredNote(retention.last7),
    },
    {
      value: percent(retention.last30.rate),
      label: "true retention, 30 days",
      note: answeredNote(retention.last30),
    },
    {
      value: percent(totals.predictedRecall),
      label: "predicted recall now",
      note: `across ${plural(totals.introduced, "card")} introduced`,
    },
    { value: totals.reviewsAllTime.toLocaleString("en-GB"), label: "reviews in total" },
  ];
  return <StatTiles tiles={tiles} />;
}

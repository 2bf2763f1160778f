import { HeatmapCard } from "@/app/(study)/stats/review-heatmap";
import { type StatTile, StatTiles } from "@/app/ui/stat-tiles";
import type { ClientDetail } from "@/lib/data/trainer/dashboard";
import type { DayCount, Retention } from "@/lib/srs";
import { agoText, percent, plural } from "../../clients-words";

const answeredNote = (retention: Retention) =>
  retention.answered === 0
    ? "no reviews of learned cards yet"
    : `${retention.recalled} of ${plural(retention.answered, "review")} recalled`;

/** The client's headline figures on the assigned decks, each read as one phrase. */
export function ClientFigures({ detail, now }: { detail: ClientDetail; now: Date }) {
  const { client, retention } = detail;
  const tiles: StatTile[] = [
    {
      value: client.reviews7d.toLocaleString("en-GB"),
      label: client.reviews7d === 1 ? "review, last 7 days" : "reviews, last 7 days",
      note: `last active ${agoText(client.lastActive, now).toLowerCase()}`,
    },
    { value: client.dueNow.toLocaleString("en-GB"), label: "due now" },
    { value: client.overdueNow.toLocaleString("en-GB"), label: "overdue", note: "due before today" },
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
  ];
  return <StatTiles tiles={tiles} layout="fit" />;
}

/** One sentence a screen reader gets instead of 365 squares. */
export function activitySummary(days: readonly DayCount[]): string {
  const total = days.reduce((sum, day) => sum + day.count, 0);
  if (total === 0) return "No reviews on the assigned decks in the last 365 days.";
  const active = days.filter((day) => day.count > 0).length;
  const best = days.reduce((top, day) => (day.count > top.count ? day : top));
  const bestDay = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeZone: "UTC" }).format(
    new Date(`${best.day}T00:00:00Z`),
  );
  return [
    `${plural(total, "review")} on the assigned decks, on ${plural(active, "day")} of the last 365.`,
    `Busiest day: ${bestDay} with ${plural(best.count, "review")}.`,
  ].join(" ");
}

export function ClientActivity({ days }: { days: readonly DayCount[] }) {
  return (
    <section aria-labelledby="activity-heading">
      <div className="section-title">
        <h2 id="activity-heading">Reviews in the last year</h2>
        <span className="muted small">assigned decks only</span>
      </div>
      <HeatmapCard days={days} summaryId="client-heatmap-summary" summary={activitySummary(days)} />
    </section>
  );
}

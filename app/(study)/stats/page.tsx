import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { FreshOnReturn } from "@/app/ui/fresh-on-return";
import { requirePageUser } from "@/lib/auth/session";
import { cardTableQuerySchema, getCardTable, getLearnerStats } from "@/lib/data/stats";
import { CardTable } from "./card-table";
import { DeckRecallList } from "./deck-recall";
import { ForecastSection } from "./forecast-section";
import { HeatmapCard, heatmapSummary } from "./review-heatmap";
import { StatsSummary } from "./stats-summary";

export const metadata: Metadata = { title: "Statistics" };

interface StatsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function StatsPage({ searchParams }: StatsPageProps) {
  const user = await requirePageUser("/stats");
  const now = new Date();
  const query = cardTableQuerySchema.parse(await searchParams);
  const [stats, table] = await Promise.all([
    getLearnerStats(user.id, now),
    getCardTable(user.id, now, query),
  ]);
  const { timeZone, dayRolloverHour } = stats.clock;

  return (
    <>
      <FreshOnReturn renderId={randomUUID()} />
      <h1>Statistics</h1>
      <p className="muted">
        What you have reviewed, how well you remember it and what comes up next. Your study day starts at{" "}
        {String(dayRolloverHour).padStart(2, "0")}:00 ({timeZone.replace(/_/g, " ")}).
      </p>
      {stats.totals.reviewsAllTime === 0 && stats.totals.introduced === 0 ? (
        <div className="card empty-state">
          <p>No reviews yet. Your statistics appear here once you have answered your first cards.</p>
          <Link href="/dashboard" className="button">
            Choose a deck
          </Link>
        </div>
      ) : (
        <>
          <StatsSummary stats={stats} />
          <section aria-labelledby="activity-heading">
            <div className="section-title">
              <h2 id="activity-heading">Reviews in the last year</h2>
            </div>
            <HeatmapCard
              days={stats.heatmap}
              summaryId="heatmap-summary"
              summary={heatmapSummary(stats.heatmap, stats.totals.streak)}
            />
          </section>
          <ForecastSection days={stats.forecast} />
          <DeckRecallList decks={stats.decks} />
          <CardTable table={table} now={now} />
        </>
      )}
    </>
  );
}

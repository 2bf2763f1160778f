"use client";

import { useDeferredValue, useMemo, useState } from "react";
import {
  averagePerDay,
  simulateWorkload,
  type WorkloadInput,
  type WorkloadProjection,
} from "@/lib/srs/workload";
import styles from "./workload.module.css";
import { WorkloadChart, type WorkloadPoint, type WorkloadSeries } from "./workload-chart";

/** What 0.85 and 0.95 cost, next to the learner's own choice. */
const COMPARED = [0.85, 0.95];
const YEAR = 365;
// One seed for every run: the projection does not jump between page loads, and every retention
// sees the same luck, so the lines differ by the retention only.
const SEED = 20_261_125;
const percent = (retention: number) => `${Math.round(retention * 100)}%`;

type Range = 30 | 365;

/** Daily values for 30 days; weekly means for a year (365 noisy daily points say less). */
function points(runs: readonly WorkloadProjection[], range: Range): WorkloadPoint[] {
  const size = range === 30 ? 1 : 7;
  const count = Math.ceil(range / size);
  return Array.from({ length: count }, (_, bucket) => {
    const from = bucket * size;
    const to = Math.min(range, from + size);
    const point: WorkloadPoint =
      size === 1
        ? { label: from === 0 ? "Today" : `Day ${from + 1}`, title: from === 0 ? "Today" : `Day ${from + 1}` }
        : { label: `Week ${bucket + 1}`, title: `Week ${bucket + 1} (days ${from + 1}–${to}), mean per day` };
    for (const run of runs) {
      const window = run.reviews.slice(from, to);
      point[percent(run.desiredRetention)] = Math.round(window.reduce((s, n) => s + n, 0) / window.length);
    }
    return point;
  });
}

/**
 * The workload simulator next to the desired-retention slider: projected reviews per day over the
 * next 30 or 365 days at the chosen retention and at 85% and 95%, rerun in the browser (lib/srs is
 * pure) as the slider or the new-card pace changes.
 */
export function WorkloadPreview({
  input,
  retention,
  newPerDay,
}: {
  input: WorkloadInput;
  retention: number;
  newPerDay: number;
}) {
  const [range, setRange] = useState<Range>(30);
  const chosen = useDeferredValue(retention);
  const pace = useDeferredValue(newPerDay);
  const paced = useMemo<WorkloadInput>(() => {
    const doneToday = input.newPerDay - (input.newToday ?? input.newPerDay);
    return { ...input, newPerDay: pace, newToday: Math.max(0, pace - doneToday) };
  }, [input, pace]);
  const compared = useMemo(
    () => COMPARED.map((r) => simulateWorkload(paced, r, { days: YEAR, seed: SEED })),
    [paced],
  );
  const own = useMemo(() => simulateWorkload(paced, chosen, { days: YEAR, seed: SEED }), [paced, chosen]);

  const runs = [own, ...compared.filter((run) => percent(run.desiredRetention) !== percent(chosen))].sort(
    (a, b) => a.desiredRetention - b.desiredRetention,
  );
  const series: WorkloadSeries[] = runs.map((run) => ({
    key: percent(run.desiredRetention),
    label: run === own ? `${percent(run.desiredRetention)} (yours)` : percent(run.desiredRetention),
    chosen: run === own,
  }));
  const mean = (run: WorkloadProjection) => Math.round(averagePerDay(run, range));
  const period = range === 30 ? "the next 30 days" : "the next year";
  const others = runs.filter((run) => run !== own);
  const data = points(runs, range);
  const noWork = runs.every((run) => run.reviews.slice(0, range).every((n) => n === 0));

  return (
    <section className={styles.workload} aria-labelledby="workload-heading">
      <div className={styles.header}>
        <h3 id="workload-heading">Your workload</h3>
        {/* biome-ignore lint/a11y/useSemanticElements: two toggle buttons, as a group */}
        <div role="group" aria-label="Period" className={styles.toggle}>
          {([30, 365] as const).map((days) => (
            <button
              key={days}
              type="button"
              className="button secondary"
              aria-pressed={range === days}
              onClick={() => setRange(days)}
            >
              {days} days
            </button>
          ))}
        </div>
      </div>
      <p id="workload-summary" aria-live="polite">
        {noWork
          ? "No reviews are coming up: you have no cards started and no new cards to learn."
          : `At your ${percent(chosen)}: about ${mean(own)} reviews a day over ${period}. ` +
            others.map((run) => `At ${percent(run.desiredRetention)}: ${mean(run)}.`).join(" ")}
      </p>
      {!noWork && (
        <>
          <WorkloadChart points={data} series={series} summaryId="workload-summary" />
          <p className="hint">
            A simulation with FSRS of your {(input.introduced ?? input.cards.length).toLocaleString("en-GB")}{" "}
            started cards and {Math.min(input.newCards, pace * YEAR).toLocaleString("en-GB")} new ones at{" "}
            {pace} a day, counting every answer (learning steps included). Forgotten cards come back sooner,
            which is why higher retention costs more.
            {input.presets?.length
              ? " Decks with their own preset keep its retention and new cards a day (under your all-decks limit)."
              : ""}
          </p>
          <details className="small">
            <summary>Show as a table</summary>
            <table className="stats-table compact">
              <thead>
                <tr>
                  <th scope="col">{range === 30 ? "Day" : "Week"}</th>
                  {series.map((line) => (
                    <th key={line.key} scope="col" className="numeric">
                      {line.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.map((point) => (
                  <tr key={point.label}>
                    <td>{point.title}</td>
                    {series.map((line) => (
                      <td key={line.key} className="numeric">
                        {point[line.key]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}

"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_GRID, CHART_TOOLTIP, CHART_X_AXIS, CHART_Y_AXIS } from "@/app/ui/chart-defaults";
import { ChartFrame } from "@/app/ui/chart-frame";

export interface WorkloadSeries {
  key: string;
  label: string;
  /** The learner's own setting: drawn solid and thick; the comparisons dashed. */
  chosen: boolean;
}

export type WorkloadPoint = { label: string; title: string } & Record<string, number | string>;

const DASHES = ["6 4", "2 3"];

/**
 * Projected reviews per day at a few desired retentions. One image to assistive technology, named
 * by the summary next to it; the same numbers are in a table below it (see workload-preview).
 */
export function WorkloadChart({
  points,
  series,
  summaryId,
}: {
  points: WorkloadPoint[];
  series: WorkloadSeries[];
  summaryId: string;
}) {
  let dash = 0;
  return (
    <ChartFrame summaryId={summaryId}>
      <LineChart data={points} margin={{ top: 8, right: 8, bottom: 18, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid {...CHART_GRID} />
        <XAxis {...CHART_X_AXIS} minTickGap={24} />
        <YAxis
          {...CHART_Y_AXIS}
          width={44}
          label={{ value: "Reviews a day", angle: -90, position: "insideLeft", offset: 10 }}
        />
        <Tooltip
          {...CHART_TOOLTIP}
          formatter={(value, name) => [`${Math.round(Number(value))} a day`, name]}
        />
        <Legend verticalAlign="top" height={28} />
        {series.map((line) => (
          <Line
            key={line.key}
            dataKey={line.key}
            name={line.label}
            type="monotone"
            dot={false}
            stroke={line.chosen ? "var(--brand)" : "var(--muted)"}
            strokeWidth={line.chosen ? 3 : 2}
            strokeDasharray={line.chosen ? undefined : DASHES[dash++ % DASHES.length]}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}

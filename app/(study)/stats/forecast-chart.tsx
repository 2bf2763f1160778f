"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_GRID, CHART_TOOLTIP, CHART_X_AXIS, CHART_Y_AXIS } from "@/app/ui/chart-defaults";
import { ChartFrame } from "@/app/ui/chart-frame";

export interface ForecastBar {
  /** Short axis label: "Today", "12 Mar". */
  label: string;
  /** Tooltip heading: "Thu, 12 Mar 2026". */
  title: string;
  count: number;
}

/**
 * Cards due per day for the next 30 days. The chart is one image to assistive technology,
 * named by the summary next to it; the same numbers are in a table below it.
 */
export function ForecastChart({ bars, summaryId }: { bars: ForecastBar[]; summaryId: string }) {
  return (
    <ChartFrame summaryId={summaryId}>
      <BarChart data={bars} margin={{ top: 8, right: 4, bottom: 18, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid {...CHART_GRID} />
        <XAxis
          {...CHART_X_AXIS}
          minTickGap={16}
          label={{ value: "Day", position: "insideBottom", offset: -12 }}
        />
        <YAxis
          {...CHART_Y_AXIS}
          width={44}
          label={{ value: "Cards due", angle: -90, position: "insideLeft", offset: 10 }}
        />
        <Tooltip
          cursor={{ fill: "var(--surface-2)" }}
          {...CHART_TOOLTIP}
          formatter={(value) => [`${value} ${value === 1 ? "card" : "cards"}`, "Due"]}
        />
        <Bar
          dataKey="count"
          name="Cards due"
          fill="var(--brand)"
          radius={[3, 3, 0, 0]}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFrame>
  );
}

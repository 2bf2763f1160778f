"use client";

import { useRef } from "react";
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_GRID, CHART_TOOLTIP, CHART_X_AXIS, CHART_Y_AXIS } from "@/app/ui/chart-defaults";
import { useNoTabStops } from "@/app/ui/use-no-tab-stops";
import styles from "./client-page.module.css";

export interface IntroducedPoint {
  /** Axis label: "4 Nov". */
  label: string;
  /** Tooltip heading: "Week of 4 Nov" or "Assigned 4 Nov". */
  title: string;
  /** Cards introduced by then, earlier ones included. */
  total: number;
  /** Introduced in the week ending here; null for the starting point. */
  introduced: number | null;
}

/**
 * Cards introduced over time for one assignment. One image to assistive technology, named by
 * the summary next to it, with no Tab stops inside; the same numbers are in a table below it.
 */
export function IntroducedChart({
  points,
  cards,
  summaryId,
}: {
  points: IntroducedPoint[];
  cards: number;
  summaryId: string;
}) {
  const chart = useRef<HTMLDivElement>(null);
  useNoTabStops(chart);
  return (
    <div ref={chart} className={styles.introducedChart} role="img" aria-labelledby={summaryId}>
      <ResponsiveContainer width="100%" height={180}>
        <AreaChart data={points} margin={{ top: 8, right: 8, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid {...CHART_GRID} />
          <XAxis {...CHART_X_AXIS} minTickGap={16} />
          <YAxis {...CHART_Y_AXIS} domain={[0, Math.max(1, cards)]} width={36} />
          <Tooltip
            cursor={{ stroke: "var(--muted)" }}
            {...CHART_TOOLTIP}
            formatter={(value, _name, item) => {
              const week = item.payload?.introduced;
              const detail = typeof week === "number" ? ` (${week} that week)` : "";
              return [`${value} of ${cards}${detail}`, "Introduced"];
            }}
          />
          <Area
            type="monotone"
            dataKey="total"
            name="Cards introduced"
            stroke="var(--brand)"
            strokeWidth={2}
            fill="var(--brand-soft)"
            dot={{ r: 3, fill: "var(--brand)" }}
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}

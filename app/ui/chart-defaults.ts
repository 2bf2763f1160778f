import type { ReactNode } from "react";

/**
 * What every recharts chart here shares (statistics, settings, a trainer's client page): the theme's
 * colours, horizontal grid lines only, points named by `label` on the x axis and by `title` in the
 * tooltip. Spread them and add what differs: `<XAxis {...CHART_X_AXIS} minTickGap={16} />`.
 */

/** The tooltip box: the page's surface and text colours in either theme. */
const CHART_TOOLTIP_STYLE = {
  background: "var(--surface)",
  border: "1px solid var(--border)",
  borderRadius: 8,
  color: "var(--text)",
};

/** A point's `title` ("Thu, 12 Mar 2026") heads its tooltip, not its short axis label. */
function pointTitle(_label: ReactNode, payload: ReadonlyArray<{ payload?: { title?: string } }>): string {
  return payload[0]?.payload?.title ?? "";
}

export const CHART_GRID = { vertical: false, stroke: "var(--border)" } as const;

export const CHART_X_AXIS = {
  dataKey: "label",
  tickLine: false,
  axisLine: { stroke: "var(--border)" },
  interval: "preserveStartEnd",
} as const;

/** Counts: whole numbers, no axis line or tick marks. */
export const CHART_Y_AXIS = { allowDecimals: false, tickLine: false, axisLine: false } as const;

export const CHART_TOOLTIP = { contentStyle: CHART_TOOLTIP_STYLE, labelFormatter: pointTitle } as const;

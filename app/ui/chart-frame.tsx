"use client";

import { type ReactElement, useRef } from "react";
import { ResponsiveContainer } from "recharts";
import styles from "./chart-frame.module.css";
import { useNoTabStops } from "./use-no-tab-stops";

/**
 * A recharts chart, 260px tall and as wide as its column. One image to assistive technology, named
 * by the summary beside it (`summaryId`), with no Tab stops inside; its numbers are in a table.
 */
export function ChartFrame({ summaryId, children }: { summaryId: string; children: ReactElement }) {
  const chart = useRef<HTMLDivElement>(null);
  useNoTabStops(chart);
  return (
    <div ref={chart} className={styles.chart} role="img" aria-labelledby={summaryId}>
      <ResponsiveContainer width="100%" height={260}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

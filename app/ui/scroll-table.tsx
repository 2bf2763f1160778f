import type { ReactNode } from "react";

/**
 * A wide data table in a card that scrolls sideways on its own (statistics, the trainer's pages).
 * The region is focusable so the keyboard can scroll it (axe scrollable-region-focusable).
 */
export function ScrollTable({
  label,
  className,
  children,
}: {
  /** Names the scrolling region for screen readers. */
  label: string;
  /** Added to the table's own `stats-table` class. */
  className?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard
    <section className="stats-table-scroll card" aria-label={label} tabIndex={0}>
      <table className={className ? `stats-table ${className}` : "stats-table"}>{children}</table>
    </section>
  );
}

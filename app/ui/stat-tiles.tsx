import type { ReactNode } from "react";
import styles from "./stat-tiles.module.css";

export interface StatTile {
  value: ReactNode;
  /** Read with the value as one phrase: "2 reviews today". */
  label: string;
  note?: string;
  /** A figure that needs attention is drawn in the warning colour. */
  tone?: "warn";
}

/**
 * Headline figures as tiles (statistics, the trainer's dashboard and client page). `fit` lets the
 * tiles share a row by width; `compact` keeps three to a row on a phone and drops the notes.
 */
export function StatTiles({ tiles, layout }: { tiles: StatTile[]; layout?: "fit" | "compact" }) {
  return (
    <ul className={`${styles.tiles} ${layout ? styles[layout] : ""}`} aria-label="Summary">
      {tiles.map((tile) => (
        <li key={tile.label} className={`card ${tile.tone === "warn" ? styles.warn : ""}`}>
          <span className={styles.value}>{tile.value}</span>{" "}
          <span className={styles.label}>{tile.label}</span>
          {tile.note && <span className={styles.note}>{tile.note}</span>}
        </li>
      ))}
    </ul>
  );
}

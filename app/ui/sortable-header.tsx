import Link from "next/link";
import styles from "./sortable-header.module.css";

type Direction = "asc" | "desc";

/** A column header that sorts a server-rendered table through a link, with aria-sort. */
export function SortableHeader({
  label,
  href,
  active,
  direction,
  next,
  className,
}: {
  label: string;
  /** The URL that sorts by this column in the `next` direction. */
  href: string;
  active: boolean;
  direction: Direction;
  next: Direction;
  className?: string;
}) {
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (direction === "asc" ? "ascending" : "descending") : undefined}
    >
      <Link href={href} className={styles.sortLink}>
        {label}
        {active && (
          <span aria-hidden="true" className={styles.sortMark}>
            {direction === "asc" ? "▲" : "▼"}
          </span>
        )}
        <span className="visually-hidden">, sort {next === "asc" ? "ascending" : "descending"}</span>
      </Link>
    </th>
  );
}

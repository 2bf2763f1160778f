import type { ColumnType } from "kysely";

/**
 * Column values as each database returns them. Prisma's SQLite schema stores dates as ISO 8601
 * text and booleans as 0/1; PostgreSQL returns Date and boolean (timestamps without time zone,
 * holding UTC as Prisma writes them). Writes take Date and boolean on both: the SQLite driver
 * (lib/query/sqlite-driver.ts) turns them into text and 0/1.
 */
export type SqlDateValue = string | Date;
export type SqlDate = ColumnType<SqlDateValue, Date | string, Date | string>;
export type SqlBoolean = ColumnType<boolean | number, boolean, boolean>;

/** Dates as Prisma's SQLite adapter writes them, so rows read the same through either client. */
export function sqlDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** A date column as a row gives it: SQLite text, or a Date from PostgreSQL. */
export function parseSqlDate(value: SqlDateValue): Date {
  if (value instanceof Date) return new Date(value.getTime());
  // Prisma writes ISO 8601; SQLite's CURRENT_TIMESTAMP default writes "YYYY-MM-DD HH:MM:SS" in UTC.
  return new Date(value.includes("T") ? value : `${value.replace(" ", "T")}Z`);
}

/** A boolean column as a row gives it: 0/1 from SQLite, true/false from PostgreSQL. */
export function isTrue(value: unknown): boolean {
  return value === true || value === 1 || value === 1n;
}

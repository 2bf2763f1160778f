/** A moment as a recipient's wall clock shows it: what "8 am their time, once a day" is judged on. */
export interface LocalClock {
  /** Calendar date, YYYY-MM-DD. */
  date: string;
  /** 0–23. */
  hour: number;
  /** ISO weekday, 1 (Monday) to 7 (Sunday). */
  weekday: number;
  /** The date of this week's Monday, YYYY-MM-DD: the weekly summary's key. */
  week: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      weekday: "short",
      hourCycle: "h23",
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The wall clock in `timeZone` at `now`; an unknown zone reads as UTC (settings validate zones). */
export function localClock(now: Date, timeZone: string): LocalClock {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatFor(timeZone).formatToParts(now);
  } catch {
    parts = formatFor("UTC").formatToParts(now);
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const date = `${part("year")}-${part("month")}-${part("day")}`;
  const weekday = WEEKDAYS[part("weekday")] ?? 1;
  const monday = new Date(`${date}T00:00:00Z`);
  monday.setUTCDate(monday.getUTCDate() - (weekday - 1));
  return { date, hour: Number(part("hour")) % 24, weekday, week: monday.toISOString().slice(0, 10) };
}

import { type StudyDayClock, studyDayKey } from "@/lib/srs";

const DAY = 86_400_000;

// Study day keys are calendar dates, so they are formatted as UTC midnights.
const longDayFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const shortDayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" });

const keyDate = (key: string) => new Date(`${key}T00:00:00Z`);

export const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);

/** "Tue, 10 Mar 2026" for a study day key. */
export const longDay = (key: string) => longDayFormat.format(keyDate(key));

/** "10 Mar" for a study day key. */
export const shortDay = (key: string) => shortDayFormat.format(keyDate(key));

/** "Mar" for a study day key. */
export const monthOf = (key: string) => monthFormat.format(keyDate(key));

/** 0 (Sunday) to 6 for a study day key. */
export const weekdayOf = (key: string) => keyDate(key).getUTCDay();

export const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;

/** When a card is due, in the learner's study days: "Today 14:05", "Tomorrow", "In 12 days", "3 days overdue". */
export function dueLabel(due: Date, now: Date, clock: StudyDayClock): string {
  const days = Math.round(
    (keyDate(studyDayKey(due, clock.timeZone, clock.dayRolloverHour)).getTime() -
      keyDate(studyDayKey(now, clock.timeZone, clock.dayRolloverHour)).getTime()) /
      DAY,
  );
  if (days < 0) return `${plural(-days, "day")} overdue`;
  if (days === 0) {
    if (due.getTime() <= now.getTime()) return "Due now";
    const time = new Intl.DateTimeFormat("en-GB", {
      hour: "2-digit",
      minute: "2-digit",
      timeZone: clock.timeZone,
    });
    return `Today ${time.format(due)}`;
  }
  if (days === 1) return "Tomorrow";
  return `In ${plural(days, "day")}`;
}

/** The full local date and time, for a title attribute. */
export function fullDateTime(date: Date, clock: StudyDayClock): string {
  return new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: clock.timeZone,
  }).format(date);
}

/** Stability in days, with fewer decimals as it grows. */
export function stabilityLabel(days: number): string {
  if (days >= 365) return `${(days / 365).toFixed(1)} y`;
  return `${days < 10 ? days.toFixed(1) : Math.round(days)} d`;
}

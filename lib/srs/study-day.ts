import { StudyDayError } from "./errors";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

// Intl is the only tz database available without a dependency; formatters are costly to build, so cache them.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      throw new StudyDayError(`Unknown time zone "${timeZone}"`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local wall-clock reading of an instant, encoded as if it were UTC (to the second). */
function wallClock(instant: number, timeZone: string): number {
  const fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  return Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
}

/**
 * The first instant whose wall clock reads `wall`. When clocks go back and `wall` happens twice,
 * the earlier one; when clocks jump over `wall`, the instant of the jump.
 */
function firstInstantAt(wall: number, timeZone: string): number {
  const offsetBefore = wallClock(wall - DAY, timeZone) - (wall - DAY);
  const offsetAfter = wallClock(wall + DAY, timeZone) - (wall + DAY);
  const exact = [wall - offsetBefore, wall - offsetAfter].filter((t) => wallClock(t, timeZone) === wall);
  if (exact.length > 0) return Math.min(...exact);
  let before = wall - Math.max(offsetBefore, offsetAfter);
  let after = wall - Math.min(offsetBefore, offsetAfter);
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (wallClock(middle, timeZone) >= wall) after = middle;
    else before = middle;
  }
  return after;
}

function assertRolloverHour(hour: number): void {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new StudyDayError(`Rollover hour must be a whole hour from 0 to 23, got ${hour}`);
  }
}

function keyToUtcMidnight(key: string): number {
  const match = KEY_PATTERN.exec(key);
  if (!match) throw new StudyDayError(`Study day key must be YYYY-MM-DD, got "${key}"`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

const utcMidnightToKey = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** "YYYY-MM-DD" of the study day containing `date`: a day runs from `rolloverHour` local to the next. */
export function studyDayKey(date: Date, timeZone: string, rolloverHour: number): string {
  assertRolloverHour(rolloverHour);
  const sinceRollover = wallClock(date.getTime(), timeZone) - rolloverHour * HOUR;
  const key = utcMidnightToKey(sinceRollover);
  // When clocks go back across the rollover hour by a part of an hour (Chatham: 03:45 -> 02:45,
  // rollover 3), the wall clock reads "before the rollover" again after the day has begun. Only
  // the last hours before a rollover can be affected, so only those pay for the exact check.
  const intoDay = ((sinceRollover % DAY) + DAY) % DAY;
  if (intoDay < DAY - 3 * HOUR) return key;
  const next = shiftStudyDayKey(key, 1);
  return studyDayStartOfKey(next, timeZone, rolloverHour).getTime() <= date.getTime() ? next : key;
}

/** The calendar day `days` after (or before, if negative) `key`. */
export function shiftStudyDayKey(key: string, days: number): string {
  return utcMidnightToKey(keyToUtcMidnight(key) + days * DAY);
}

/** When the study day `key` begins. Days are 23 or 25 hours long across DST changes. */
export function studyDayStartOfKey(key: string, timeZone: string, rolloverHour: number): Date {
  assertRolloverHour(rolloverHour);
  return new Date(firstInstantAt(keyToUtcMidnight(key) + rolloverHour * HOUR, timeZone));
}

export function studyDayStart(now: Date, timeZone: string, rolloverHour: number): Date {
  return studyDayStartOfKey(studyDayKey(now, timeZone, rolloverHour), timeZone, rolloverHour);
}

/** When the study day after the one containing `now` begins (the end of "today"). */
export function nextStudyDayStart(now: Date, timeZone: string, rolloverHour: number): Date {
  const tomorrow = shiftStudyDayKey(studyDayKey(now, timeZone, rolloverHour), 1);
  return studyDayStartOfKey(tomorrow, timeZone, rolloverHour);
}

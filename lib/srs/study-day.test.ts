import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StudyDayError } from "./errors";
import {
  nextStudyDayStart,
  shiftStudyDayKey,
  studyDayKey,
  studyDayStart,
  studyDayStartOfKey,
} from "./study-day";

const HOUR = 3_600_000;
const utc = (iso: string) => new Date(iso);
const dayLengthHours = (key: string, tz: string, hour: number) =>
  (studyDayStartOfKey(shiftStudyDayKey(key, 1), tz, hour).getTime() -
    studyDayStartOfKey(key, tz, hour).getTime()) /
  HOUR;

describe("study day in Europe/Berlin", () => {
  const tz = "Europe/Berlin";

  it("rolls over at 04:00 local on ordinary days", () => {
    expect(studyDayStart(utc("2026-03-01T12:00:00Z"), tz, 4)).toEqual(utc("2026-03-01T03:00:00Z"));
    expect(studyDayKey(utc("2026-03-01T02:59:59Z"), tz, 4)).toBe("2026-02-28");
    expect(studyDayKey(utc("2026-03-01T03:00:00Z"), tz, 4)).toBe("2026-03-01");
  });

  it("has a 23-hour day when clocks go forward (2026-03-29)", () => {
    // 03:30 CEST on the 29th is still the study day of the 28th: it ends at 04:00 CEST (02:00Z).
    expect(studyDayKey(utc("2026-03-29T01:30:00Z"), tz, 4)).toBe("2026-03-28");
    expect(studyDayStart(utc("2026-03-29T01:30:00Z"), tz, 4)).toEqual(utc("2026-03-28T03:00:00Z"));
    expect(nextStudyDayStart(utc("2026-03-29T01:30:00Z"), tz, 4)).toEqual(utc("2026-03-29T02:00:00Z"));
    expect(dayLengthHours("2026-03-28", tz, 4)).toBe(23);
  });

  it("has a 25-hour day when clocks go back (2026-10-25)", () => {
    expect(studyDayStart(utc("2026-10-25T12:00:00Z"), tz, 4)).toEqual(utc("2026-10-25T03:00:00Z"));
    expect(studyDayStart(utc("2026-10-24T12:00:00Z"), tz, 4)).toEqual(utc("2026-10-24T02:00:00Z"));
    expect(dayLengthHours("2026-10-24", tz, 4)).toBe(25);
  });

  it("starts the day at the jump when the rollover hour is skipped (02:00 on 2026-03-29)", () => {
    expect(studyDayKey(utc("2026-03-29T00:59:59Z"), tz, 2)).toBe("2026-03-28");
    expect(studyDayKey(utc("2026-03-29T01:00:00Z"), tz, 2)).toBe("2026-03-29");
    expect(studyDayStart(utc("2026-03-29T01:30:00Z"), tz, 2)).toEqual(utc("2026-03-29T01:00:00Z"));
    expect(dayLengthHours("2026-03-28", tz, 2)).toBe(24);
    expect(dayLengthHours("2026-03-29", tz, 2)).toBe(23);
  });

  it("starts the day at the first of two 02:00s when the rollover hour repeats (2026-10-25)", () => {
    expect(studyDayStart(utc("2026-10-25T01:30:00Z"), tz, 2)).toEqual(utc("2026-10-25T00:00:00Z"));
    expect(studyDayKey(utc("2026-10-24T23:59:59Z"), tz, 2)).toBe("2026-10-24");
    expect(studyDayKey(utc("2026-10-25T00:00:00Z"), tz, 2)).toBe("2026-10-25");
    expect(dayLengthHours("2026-10-25", tz, 2)).toBe(25);
  });
});

describe("study day in America/New_York", () => {
  const tz = "America/New_York";

  it("has 23- and 25-hour days around 2026-03-08 and 2026-11-01", () => {
    expect(studyDayStartOfKey("2026-03-07", tz, 4)).toEqual(utc("2026-03-07T09:00:00Z"));
    expect(studyDayStartOfKey("2026-03-08", tz, 4)).toEqual(utc("2026-03-08T08:00:00Z"));
    expect(dayLengthHours("2026-03-07", tz, 4)).toBe(23);
    expect(dayLengthHours("2026-10-31", tz, 4)).toBe(25);
  });

  it("handles a skipped rollover hour (02:00 on 2026-03-08) and a repeated one (01:00 on 2026-11-01)", () => {
    expect(studyDayStartOfKey("2026-03-08", tz, 2)).toEqual(utc("2026-03-08T07:00:00Z"));
    expect(studyDayStartOfKey("2026-11-01", tz, 1)).toEqual(utc("2026-11-01T05:00:00Z"));
    expect(studyDayKey(utc("2026-11-01T06:30:00Z"), tz, 1)).toBe("2026-11-01");
  });

  it("rolls over at midnight with hour 0", () => {
    expect(studyDayKey(utc("2026-03-02T04:59:59Z"), tz, 0)).toBe("2026-03-01");
    expect(studyDayKey(utc("2026-03-02T05:00:00Z"), tz, 0)).toBe("2026-03-02");
  });
});

describe("study day invariants", () => {
  const zones = [
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "America/Santiago",
    "America/Havana",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Asia/Kolkata",
    "Pacific/Kiritimati",
    "America/St_Johns",
  ];
  const instant = fc
    .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) })
    .map((ms) => new Date(ms));

  // Instants within 36 hours of each zone's 2026 offset changes, found by sampling every 3 hours.
  const nearTransitions = zones.flatMap((tz) => {
    const offsetName = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "longOffset" });
    const offsetAt = (ms: number) =>
      offsetName.formatToParts(ms).find((p) => p.type === "timeZoneName")?.value;
    const found: { tz: string; at: number }[] = [];
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3 * HOUR) {
      if (offsetAt(ms) !== offsetAt(ms + 3 * HOUR)) found.push({ tz, at: ms });
    }
    return found;
  });

  const checkDay = (now: Date, tz: string, hour: number) => {
    const key = studyDayKey(now, tz, hour);
    const start = studyDayStart(now, tz, hour);
    const end = nextStudyDayStart(now, tz, hour);
    expect(start.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(end.getTime()).toBeGreaterThan(now.getTime());
    expect(studyDayKey(start, tz, hour)).toBe(key);
    expect(studyDayKey(new Date(start.getTime() - 1), tz, hour)).toBe(shiftStudyDayKey(key, -1));
    expect(studyDayKey(end, tz, hour)).toBe(shiftStudyDayKey(key, 1));
    const hours = (end.getTime() - start.getTime()) / HOUR;
    expect(hours).toBeGreaterThanOrEqual(22);
    expect(hours).toBeLessThanOrEqual(26);
  };

  it("keeps the day begun when clocks go back across the rollover by part of an hour (Chatham)", () => {
    // 2026-04-05 03:45 +13:45 becomes 02:45 +12:45; the 03:00 rollover first happens at 13:15Z.
    const now = new Date("2026-04-04T14:00:00Z");
    expect(studyDayKey(now, "Pacific/Chatham", 3)).toBe("2026-04-05");
    checkDay(now, "Pacific/Chatham", 3);
  });

  it("finds offset changes to test around", () => {
    expect(nearTransitions.length).toBeGreaterThanOrEqual(12);
  });

  it("puts every instant near an offset change in exactly one study day, bounded by its neighbours", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...nearTransitions),
        fc.integer({ min: -36 * HOUR, max: 36 * HOUR }),
        fc.integer({ min: 0, max: 23 }),
        ({ tz, at }, shift, hour) => checkDay(new Date(at + shift), tz, hour),
      ),
      { numRuns: 3000 },
    );
    // Thousands of time-zone conversions: on a busy machine this takes longer than the default 5 s.
  }, 60_000);

  it("puts every instant in exactly one study day, bounded by its neighbours", () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), fc.integer({ min: 0, max: 23 }), (now, tz, hour) => {
        checkDay(now, tz, hour);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});

describe("study day keys and errors", () => {
  it("shifts keys across months, years and leap days", () => {
    expect(shiftStudyDayKey("2026-12-31", 1)).toBe("2027-01-01");
    expect(shiftStudyDayKey("2028-03-01", -1)).toBe("2028-02-29");
  });

  it("rejects unknown zones, bad hours and bad keys with StudyDayError", () => {
    const now = utc("2026-03-01T12:00:00Z");
    expect(() => studyDayKey(now, "Mars/Olympus_Mons", 4)).toThrow(StudyDayError);
    expect(() => studyDayKey(now, "UTC", 24)).toThrow(StudyDayError);
    expect(() => studyDayKey(now, "UTC", 1.5)).toThrow(StudyDayError);
    expect(() => shiftStudyDayKey("2026-3-1", 1)).toThrow(StudyDayError);
  });
});

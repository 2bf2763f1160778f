import { describe, expect, it } from "vitest";
import { localClock } from "./clock";

describe("localClock", () => {
  it("reads the date, hour and week in the recipient's zone", () => {
    // 2026-12-07 is a Monday; 06:30 UTC is 19:30 the same day in Auckland (UTC+13 in December).
    const now = new Date("2026-12-07T06:30:00Z");
    expect(localClock(now, "UTC")).toEqual({ date: "2026-12-07", hour: 6, weekday: 1, week: "2026-12-07" });
    expect(localClock(now, "Pacific/Auckland")).toEqual({
      date: "2026-12-07",
      hour: 19,
      weekday: 1,
      week: "2026-12-07",
    });
    // Still Sunday evening in Los Angeles: last week's Monday.
    expect(localClock(now, "America/Los_Angeles")).toEqual({
      date: "2026-12-06",
      hour: 22,
      weekday: 7,
      week: "2026-11-30",
    });
  });

  it("reads midnight as hour 0 and an unknown zone as UTC", () => {
    expect(localClock(new Date("2026-03-01T00:15:00Z"), "UTC").hour).toBe(0);
    expect(localClock(new Date("2026-03-01T00:15:00Z"), "Not/AZone").date).toBe("2026-03-01");
  });
});

import { describe, expect, it } from "vitest";
import { describeDue, formatCountdown, formatDuration, spokenInterval } from "./time-words";

describe("interval words", () => {
  it("spells out the short labels", () => {
    expect(spokenInterval("1m")).toBe("1 minute");
    expect(spokenInterval("10m")).toBe("10 minutes");
    expect(spokenInterval("2.5mo")).toBe("2.5 months");
    expect(spokenInterval("1y")).toBe("1 year");
    expect(spokenInterval("odd")).toBe("odd");
  });

  it("formats a countdown", () => {
    expect(formatCountdown(125_000)).toBe("2:05");
    expect(formatCountdown(3_725_000)).toBe("1:02:05");
    expect(formatCountdown(-5)).toBe("0:00");
    expect(formatCountdown(400)).toBe("0:01");
  });
});

describe("time in words", () => {
  const now = Date.UTC(2026, 2, 1, 12); // a Sunday, noon UTC
  it("describes a due time relative to now", () => {
    expect(describeDue(now - 1, now, "UTC")).toBe("now");
    expect(describeDue(now + 60_000, now, "UTC")).toBe("in 1 minute");
    expect(describeDue(now + 12 * 60_000, now, "UTC")).toBe("in 12 minutes");
    expect(describeDue(now + 3 * 3_600_000, now, "UTC")).toBe("today at 15:00");
    expect(describeDue(Date.UTC(2026, 2, 2, 9), now, "UTC")).toBe("tomorrow at 09:00");
    expect(describeDue(Date.UTC(2026, 2, 4, 9), now, "UTC")).toBe("on Wednesday");
    expect(describeDue(Date.UTC(2026, 2, 20, 9), now, "UTC")).toBe("on 20 March");
  });

  it("formats time spent", () => {
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(4 * 60_000)).toBe("4 min");
    expect(formatDuration(65 * 60_000)).toBe("1 h 5 min");
  });
});

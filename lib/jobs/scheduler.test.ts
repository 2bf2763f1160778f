import { describe, expect, it } from "vitest";
import { cronSlot } from "./scheduler";

describe("cronSlot (the SQLite timer's reading of the job crons)", () => {
  it("puts every minute of a five-minute period in the same slot", () => {
    const at = (iso: string) => cronSlot("*/5 * * * *", new Date(iso));
    expect(at("2026-12-07T08:05:00Z")).toBe(at("2026-12-07T08:09:59Z"));
    expect(at("2026-12-07T08:10:00Z")).not.toBe(at("2026-12-07T08:09:59Z"));
    expect(at("2026-12-07T09:05:00Z")).not.toBe(at("2026-12-07T08:05:00Z"));
  });

  it("runs an hourly job from its minute to the end of the hour, once", () => {
    expect(cronSlot("7 * * * *", new Date("2026-12-07T08:06:59Z"))).toBeNull();
    expect(cronSlot("7 * * * *", new Date("2026-12-07T08:07:00Z"))).toBe("2026-12-07T08:7");
    expect(cronSlot("7 * * * *", new Date("2026-12-07T08:59:00Z"))).toBe("2026-12-07T08:7");
  });

  it("refuses a cron it cannot read", () => {
    expect(() => cronSlot("0 8 * * 1", new Date())).toThrow("Unsupported cron");
  });
});

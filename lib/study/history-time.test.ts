import { describe, expect, it } from "vitest";
import { answeredAtLabel, zoneLabel } from "./history-time";

describe("answer times in a history", () => {
  // 23:30 UTC on 1 March 2026: already 2 March in Berlin, still 1 March in New York.
  const at = new Date(Date.UTC(2026, 2, 1, 23, 30));

  it("are shown on the learner's clock, date included", () => {
    expect(answeredAtLabel(at, "Europe/Berlin")).toBe("2 Mar 2026, 00:30");
    expect(answeredAtLabel(at, "America/New_York")).toBe("1 Mar 2026, 18:30");
    expect(answeredAtLabel(at, "UTC")).toBe("1 Mar 2026, 23:30");
  });

  it("name the zone as a reader says it", () => {
    expect(zoneLabel("America/New_York")).toBe("New York");
    expect(zoneLabel("UTC")).toBe("UTC");
  });
});

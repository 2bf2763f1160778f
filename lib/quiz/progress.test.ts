import { describe, expect, it } from "vitest";
import { describeDuration, nextUnanswered } from "./progress";

describe("nextUnanswered", () => {
  it("resumes at the first unanswered question", () => {
    expect(nextUnanswered([true, true, false, false])).toBe(2);
  });

  it("goes forward from the current question and wraps round to skipped ones", () => {
    expect(nextUnanswered([false, true, false, true], 2)).toBe(2);
    expect(nextUnanswered([false, true, true, true], 2)).toBe(0);
  });

  it("is -1 when everything is answered or there is nothing to answer", () => {
    expect(nextUnanswered([true, true])).toBe(-1);
    expect(nextUnanswered([])).toBe(-1);
  });
});

describe("describeDuration", () => {
  it("reads as seconds, minutes or hours", () => {
    expect(describeDuration(0)).toBe("0 s");
    expect(describeDuration(44_600)).toBe("45 s");
    expect(describeDuration(185_000)).toBe("3 min 05 s");
    expect(describeDuration(3_720_000)).toBe("1 h 02 min");
    expect(describeDuration(-5)).toBe("0 s");
  });
});

import { describe, expect, it } from "vitest";
import { parseDelimited } from "./delimited.mjs";
import { REVIEW_LOG_COLUMNS, reviewLogCsv } from "./review-log-csv";

const T0 = new Date(Date.UTC(2026, 2, 1, 12));

describe("reviewLogCsv", () => {
  it("writes the FSRS columns: ids, times in ms, ratings, states before the answer, durations", () => {
    const csv = reviewLogCsv([
      { cardId: "mk-c01", reviewedAt: T0, rating: 3, stateBefore: "new", durationMs: 5200 },
      {
        cardId: "mk-c01",
        reviewedAt: new Date(T0.getTime() + 600_000),
        rating: 3,
        stateBefore: "learning",
        durationMs: 0,
      },
      {
        cardId: "p-1a2b.c3",
        reviewedAt: new Date(T0.getTime() + 86_400_000),
        rating: 1,
        stateBefore: "review",
        durationMs: 812.6,
      },
      {
        cardId: "p-1a2b.c3",
        reviewedAt: new Date(T0.getTime() + 90_000_000),
        rating: 3,
        stateBefore: "relearning",
        durationMs: 10,
      },
    ]);
    expect(csv.split("\r\n")).toEqual([
      "card_id,review_time,review_rating,review_state,review_duration",
      `mk-c01,${T0.getTime()},3,0,5200`,
      `mk-c01,${T0.getTime() + 600_000},3,1,0`,
      `p-1a2b.c3,${T0.getTime() + 86_400_000},1,2,813`,
      `p-1a2b.c3,${T0.getTime() + 90_000_000},3,3,10`,
      "",
    ]);
  });

  it("quotes an id that needs it, so every row keeps five columns", () => {
    const csv = reviewLogCsv([
      { cardId: 'odd,"id"', reviewedAt: T0, rating: 4, stateBefore: "new", durationMs: 1 },
    ]);
    const { records } = parseDelimited(csv, ",");
    expect(records.map((r) => r.fields)).toEqual([
      [...REVIEW_LOG_COLUMNS],
      ['odd,"id"', String(T0.getTime()), "4", "0", "1"],
    ]);
  });

  it("is just the header for an empty log", () => {
    expect(reviewLogCsv([])).toBe(`${REVIEW_LOG_COLUMNS.join(",")}\r\n`);
  });
});

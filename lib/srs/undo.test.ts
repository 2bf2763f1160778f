import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UndoMismatchError } from "./errors";
import { rate } from "./scheduler";
import { CARD_KEY, DAY, HISTORY_TO, HOUR, later, NEXT_GAP, play, settingsWith } from "./test-support";
import { REVIEW_RATINGS, type ReviewRating, type SrsState } from "./types";
import { undo } from "./undo";

const STATES: SrsState[] = ["new", "learning", "review", "relearning"];
const settings = settingsWith();

describe("undo", () => {
  describe.each(STATES)("from %s", (state) => {
    it.each(REVIEW_RATINGS)(
      "restores the exact schedule after rating %i, on time, early or late",
      (rating) => {
        const card = play(HISTORY_TO[state], settings);
        for (const gap of [NEXT_GAP[state], NEXT_GAP[state] / 3, NEXT_GAP[state] * 4 + 5 * HOUR]) {
          const { next, log } = rate(card.schedule, rating, later(card.lastTime, gap), settings, CARD_KEY);
          expect(undo(next, log)).toEqual(card.schedule);
        }
      },
    );
  });

  it("puts back the due date that ts-fsrs rollback alone would lose (a late review)", () => {
    const card = play(HISTORY_TO.review, settings);
    const late = later(card.schedule.due, 20 * DAY);
    const { next, log } = rate(card.schedule, 1, late, settings, CARD_KEY);
    expect(undo(next, log).due).toEqual(card.schedule.due);
  });

  it("refuses a log that is not the card's latest review", () => {
    const { schedule, logs } = play(HISTORY_TO.relearning, settings);
    const older = logs[logs.length - 2];
    if (!older) throw new Error("fixture has several reviews");
    expect(() => undo(schedule, older)).toThrow(UndoMismatchError);
  });

  it("walks a random history back to a new card, one review at a time", () => {
    const step = fc.tuple(
      fc.constantFrom<ReviewRating>(1, 2, 3, 4),
      fc.oneof(fc.integer({ min: 1_000, max: 2 * HOUR }), fc.integer({ min: 1, max: 400 * DAY })),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), fc.boolean(), (history, enableFuzz) => {
        const fuzzSettings = settingsWith({ enableFuzz });
        const states = [play([], fuzzSettings).schedule];
        for (let i = 1; i <= history.length; i++)
          states.push(play(history.slice(0, i), fuzzSettings).schedule);
        const { logs } = play(history, fuzzSettings);
        let current = states[states.length - 1];
        for (let i = logs.length - 1; i >= 0; i--) {
          const log = logs[i];
          if (!current || !log) throw new Error("unreachable");
          current = undo(current, log);
          expect(current).toEqual(states[i]);
        }
      }),
      { numRuns: 60 },
    );
  });
});

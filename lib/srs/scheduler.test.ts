import { createEmptyCard, Rating } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { InvalidReviewError } from "./errors";
import { retrievability } from "./retrievability";
import { elapsedDays, newCardSchedule, previewRatings, rate } from "./scheduler";
import {
  CARD_KEY,
  DAY,
  expectSameAsReference,
  HISTORY_TO,
  HOUR,
  later,
  MINUTE,
  NEXT_GAP,
  play,
  playReference,
  referenceFsrs,
  settingsWith,
  T0,
} from "./test-support";
import { REVIEW_RATINGS, type SrsState } from "./types";
import { toFsrsLog } from "./undo";

const STATES: SrsState[] = ["new", "learning", "review", "relearning"];
const settings = settingsWith();
const reference = referenceFsrs(settings);

describe("rate", () => {
  it("reaches the intended state with each fixture history", () => {
    for (const state of STATES) expect(play(HISTORY_TO[state], settings).schedule.state).toBe(state);
  });

  describe.each(STATES)("from %s", (state) => {
    const history = HISTORY_TO[state];
    // On time, early, and (for reviews) late: the gaps change elapsed days and retrievability.
    const gaps = [NEXT_GAP[state], NEXT_GAP[state] / 2, NEXT_GAP[state] * 3 + 7 * HOUR];

    it.each(REVIEW_RATINGS)("rating %i gives exactly ts-fsrs's result", (rating) => {
      const ours = play(history, settings);
      const theirs = playReference(history, reference);
      for (const gap of gaps) {
        const now = later(ours.lastTime, gap);
        const expected = reference.next(theirs.card, now, rating);
        const { next, log } = rate(ours.schedule, rating, now, settings, CARD_KEY);
        expectSameAsReference(next, expected.card);
        // The log carries what ts-fsrs's own log would, so ts-fsrs rollback reads it the same way.
        const { elapsed_days: _e, last_elapsed_days: _l, ...expectedLog } = expected.log;
        const { elapsed_days: _e2, last_elapsed_days: _l2, ...ourLog } = toFsrsLog(log);
        expect(ourLog).toEqual(expectedLog);
      }
    });
  });

  it("honours custom steps, retention and maximum interval like ts-fsrs", () => {
    const custom = settingsWith({
      desiredRetention: 0.8,
      maximumInterval: 30,
      learningSteps: ["5m", "1h", "1d"],
      relearningSteps: ["15m", "2h"],
    });
    const f = referenceFsrs(custom);
    const history = [
      [3, 0],
      [3, 5 * MINUTE],
      [3, HOUR],
      [4, DAY],
      [4, 20 * DAY],
      [1, 40 * DAY],
      [2, 15 * MINUTE],
      [3, 2 * HOUR],
    ] as const;
    const ours = play(history, custom);
    const theirs = playReference(history, f);
    expectSameAsReference(ours.schedule, theirs.card);
    expect(ours.logs.map((log) => (log.dueAfter.getTime() - log.reviewedAt.getTime()) / DAY)).toContain(30);
  });

  it("records the schedule before and after in the log", () => {
    const before = play(HISTORY_TO.review, settings);
    const now = later(before.lastTime, 12 * DAY);
    const { next, log } = rate(before.schedule, 3, now, settings, CARD_KEY);
    expect(log).toEqual({
      rating: 3,
      reviewedAt: now,
      stateBefore: "review",
      dueBefore: before.schedule.due,
      lastReviewBefore: before.schedule.lastReview,
      stabilityBefore: before.schedule.stability,
      difficultyBefore: before.schedule.difficulty,
      scheduledDaysBefore: before.schedule.scheduledDays,
      learningStepsBefore: 0,
      dueAfter: next.due,
      stabilityAfter: next.stability,
      difficultyAfter: next.difficulty,
    });
  });

  it("does not share Date objects with its inputs", () => {
    const now = later(T0, MINUTE);
    const { next, log } = rate(newCardSchedule(T0), 3, now, settings, CARD_KEY);
    expect(next.lastReview).not.toBe(now);
    expect(log.reviewedAt).not.toBe(now);
  });

  it("rejects a rating outside 1-4, an invalid date, and a time before the last review", () => {
    const card = play(HISTORY_TO.review, settings);
    expect(() => rate(card.schedule, 5 as never, card.lastTime, settings, CARD_KEY)).toThrow(
      InvalidReviewError,
    );
    expect(() => rate(card.schedule, 3, new Date(Number.NaN), settings, CARD_KEY)).toThrow(
      InvalidReviewError,
    );
    expect(() => rate(card.schedule, 3, later(card.lastTime, -1), settings, CARD_KEY)).toThrow(
      InvalidReviewError,
    );
  });
});

describe("newCardSchedule", () => {
  it("is ts-fsrs's empty card", () => {
    expectSameAsReference(newCardSchedule(T0), createEmptyCard(T0));
  });
});

describe("previewRatings", () => {
  it("shows ts-fsrs's learning steps for a new card", () => {
    const preview = previewRatings(newCardSchedule(T0), T0, settings, CARD_KEY);
    expect(preview.map((p) => p.label)).toEqual(["1m", "6m", "10m", "8d"]);
    expect(preview.map((p) => p.rating)).toEqual([1, 2, 3, 4]);
  });

  it("matches what rate then does, for every state, with fuzz on", () => {
    const fuzzy = settingsWith({ enableFuzz: true });
    for (const state of STATES) {
      const card = play(HISTORY_TO[state], fuzzy);
      const now = later(card.lastTime, NEXT_GAP[state] * 2);
      const preview = previewRatings(card.schedule, now, fuzzy, CARD_KEY);
      for (const { rating, due } of preview) {
        expect(rate(card.schedule, rating, now, fuzzy, CARD_KEY).next.due).toEqual(due);
      }
    }
  });
});

describe("retrievability", () => {
  it("equals ts-fsrs get_retrievability", () => {
    const card = play(HISTORY_TO.review, settings);
    const theirs = playReference(HISTORY_TO.review, reference);
    for (const days of [0, 1, 5, 17.5, 120]) {
      const now = later(card.lastTime, days * DAY);
      expect(retrievability(card.schedule, now, settings)).toBe(
        reference.get_retrievability(theirs.card, now, false),
      );
    }
    expect(retrievability(newCardSchedule(T0), T0)).toBe(0);
  });

  it("uses the learner's weights (FSRS-6 decay is w[20])", () => {
    const card = play(HISTORY_TO.review, settings);
    const now = later(card.lastTime, 30 * DAY);
    const weights = [...reference.parameters.w];
    weights[20] = 0.5;
    expect(retrievability(card.schedule, now, settingsWith({ weights }))).not.toBe(
      retrievability(card.schedule, now, settings),
    );
  });
});

describe("elapsedDays", () => {
  it("counts UTC calendar days since the last review, as ts-fsrs scheduling does", () => {
    const card = play(HISTORY_TO.review, settings);
    expect(elapsedDays(card.schedule, later(card.lastTime, 3 * DAY))).toBe(3);
    expect(elapsedDays(newCardSchedule(T0), later(T0, 3 * DAY))).toBe(0);
  });
});

it("uses ts-fsrs Rating numbering", () => {
  expect([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]).toEqual([...REVIEW_RATINGS]);
});

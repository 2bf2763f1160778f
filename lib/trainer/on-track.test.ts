import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AssignmentGoal, assignmentNewPerDay, type OnTrackInput, onTrack } from "./on-track";

const DAY = 86_400_000;
const NOW = new Date(Date.UTC(2026, 10, 24, 12));
const inDays = (days: number) => new Date(NOW.getTime() + days * DAY);

function input(assignment: Partial<AssignmentGoal>, rest: Partial<Omit<OnTrackInput, "assignment">> = {}) {
  return {
    assignment: {
      goal: "all-introduced",
      dueAt: inDays(7),
      createdAt: inDays(-14),
      targetRecall: null,
      quizTarget: null,
      ...assignment,
    },
    totalCards: 50,
    introduced: 38,
    newPerDay: 10,
    projectedRecall: 0.5,
    recallNow: 0.6,
    bestQuizScore: null,
    now: NOW,
    ...rest,
  } satisfies OnTrackInput;
}

describe("onTrack, all cards introduced by the due date", () => {
  it("is on track when the remaining cards fit at the client's new cards a day", () => {
    expect(onTrack(input({ dueAt: inDays(5) }))).toEqual({
      status: "on-track",
      reason: "12 cards left, 2 days at 10 new a day; 5 days to go",
    });
  });

  it("is at risk when they do not, counting a part day as a day", () => {
    expect(onTrack(input({ dueAt: inDays(0.5) }))).toEqual({
      status: "at-risk",
      reason: "12 cards left, 2 days at 10 new a day; only 1 day to go",
    });
    expect(onTrack(input({ dueAt: inDays(1.5) })).status).toBe("on-track");
    expect(onTrack(input({}, { newPerDay: 0 })).status).toBe("at-risk");
  });

  it("is done once every card is introduced, and overdue after the date otherwise", () => {
    expect(onTrack(input({ dueAt: inDays(-3) }, { introduced: 50 }))).toEqual({
      status: "done",
      reason: "All 50 cards introduced",
    });
    expect(onTrack(input({ dueAt: inDays(-7) }))).toEqual({
      status: "overdue",
      reason: "Was due 17 Nov: 12 cards not introduced",
    });
  });

  it("has no deadline without a due date", () => {
    expect(onTrack(input({ dueAt: null }))).toEqual({
      status: "no-deadline",
      reason: "38 of 50 cards introduced since 10 Nov, no due date",
    });
  });

  it("waits for the quiz target, which alone never puts the client at risk before the date", () => {
    const quiz = { quizTarget: 80 };
    expect(onTrack(input(quiz, { introduced: 50, bestQuizScore: 60 }))).toEqual({
      status: "on-track",
      reason: "Best quiz 60%, goal 80%; 7 days to go",
    });
    expect(onTrack(input({ ...quiz, dueAt: inDays(-1) }, { introduced: 50 }))).toEqual({
      status: "overdue",
      reason: "Was due 23 Nov: no quiz finished, goal 80%",
    });
    expect(onTrack(input(quiz, { introduced: 50, bestQuizScore: 80 }))).toEqual({
      status: "done",
      reason: "All 50 cards introduced; best quiz 80%, goal 80%",
    });
  });

  it("names the quiz target in every reason while cards remain too (issue 16, item 12)", () => {
    const quiz = { quizTarget: 60 };
    expect(onTrack(input({ ...quiz, dueAt: inDays(5) }))).toEqual({
      status: "on-track",
      reason: "12 cards left, 2 days at 10 new a day; no quiz finished, goal 60%; 5 days to go",
    });
    expect(onTrack(input({ ...quiz, dueAt: inDays(0.5) }, { bestQuizScore: 70 }))).toEqual({
      status: "at-risk",
      reason: "12 cards left, 2 days at 10 new a day; best quiz 70%, goal 60%; only 1 day to go",
    });
    expect(onTrack(input({ ...quiz, dueAt: null }, { introduced: 3, bestQuizScore: 40 }))).toEqual({
      status: "no-deadline",
      reason: "3 of 50 cards introduced since 10 Nov; best quiz 40%, goal 60%, no due date",
    });
    expect(onTrack(input({ ...quiz, dueAt: inDays(-1) }, { bestQuizScore: 90 })).reason).toBe(
      "Was due 23 Nov: 12 cards not introduced; best quiz 90%, goal 60%",
    );
  });
});

describe("onTrack, predicted recall by the due date", () => {
  const recall = { goal: "recall", targetRecall: 0.8 } as const;

  it("is done when the projection without further reviews already reaches the goal", () => {
    expect(onTrack(input(recall, { introduced: 50, projectedRecall: 0.85, recallNow: 0.95 }))).toEqual({
      status: "done",
      reason: "Projected recall 85% on 1 Dec, goal 80%",
    });
  });

  it("judges pace while cards remain to be introduced", () => {
    expect(onTrack(input(recall, { projectedRecall: 0.1 })).status).toBe("on-track");
    expect(onTrack(input({ ...recall, dueAt: inDays(1) }, { projectedRecall: 0.1 })).status).toBe("at-risk");
  });

  it("is at risk when every card is introduced and recall is short of the goal now and at the date", () => {
    expect(onTrack(input(recall, { introduced: 50, projectedRecall: 0.72, recallNow: 0.78 }))).toEqual({
      status: "at-risk",
      reason: "Projected recall 72% on 1 Dec, goal 80%",
    });
    expect(onTrack(input(recall, { introduced: 50, projectedRecall: 0.72, recallNow: 0.86 }))).toEqual({
      status: "on-track",
      reason: "Recall 86% now, goal 80% on 1 Dec",
    });
  });

  it("is overdue after the date when recall is below the goal, and shows rounded-down percentages", () => {
    expect(
      onTrack(
        input({ ...recall, dueAt: inDays(-1) }, { introduced: 50, projectedRecall: 0.799, recallNow: 0.799 }),
      ),
    ).toEqual({ status: "overdue", reason: "Was due 23 Nov: recall 79%, goal 80%" });
  });

  it("formats the date in the given time zone", () => {
    const late = { ...recall, dueAt: new Date(Date.UTC(2026, 11, 1, 23, 30)) };
    expect(
      onTrack(input(late, { introduced: 50, projectedRecall: 0.7, recallNow: 0.7, timeZone: "Asia/Tokyo" }))
        .reason,
    ).toBe("Projected recall 70% on 2 Dec, goal 80%");
  });
});

describe("onTrack invariants", () => {
  it("is done whenever every goal is met, and never overdue before the date or with none", () => {
    fc.assert(
      fc.property(
        fc.record({
          goal: fc.constantFrom("all-introduced" as const, "recall" as const),
          dueIn: fc.option(fc.double({ min: -30, max: 30, noNaN: true })),
          target: fc.double({ min: 0, max: 1, noNaN: true }),
          quizTarget: fc.option(fc.integer({ min: 0, max: 100 })),
          total: fc.integer({ min: 0, max: 300 }),
          introducedShare: fc.double({ min: 0, max: 1, noNaN: true }),
          recall: fc.double({ min: 0, max: 1, noNaN: true }),
          best: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
          newPerDay: fc.integer({ min: 0, max: 50 }),
        }),
        (c) => {
          const introduced = Math.round(c.total * c.introducedShare);
          const dueAt = c.dueIn === null ? null : inDays(c.dueIn);
          const result = onTrack({
            assignment: {
              goal: c.goal,
              dueAt,
              createdAt: inDays(-40),
              targetRecall: c.target,
              quizTarget: c.quizTarget,
            },
            totalCards: c.total,
            introduced,
            newPerDay: c.newPerDay,
            projectedRecall: c.recall,
            recallNow: c.recall,
            bestQuizScore: c.best,
            now: NOW,
          });
          const cardsMet = c.goal === "recall" ? c.recall >= c.target : introduced >= c.total;
          const quizMet = c.quizTarget === null || (c.best !== null && c.best >= c.quizTarget);
          expect(result.status === "done").toBe(cardsMet && quizMet);
          if (dueAt === null) expect(["done", "no-deadline"]).toContain(result.status);
          if (dueAt !== null && dueAt > NOW) expect(result.status).not.toBe("overdue");
          expect(result.reason.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe("the pace an assignment is judged by", () => {
  const settings = { newPerDay: 10, newPerDayTotal: 25, maxReviewsPerDay: 200 };

  it("is the deck preset's new cards a day, under the learner's all-decks limit", () => {
    expect(assignmentNewPerDay(settings, { newPerDay: 3, maxReviewsPerDay: 50 })).toBe(3);
    expect(assignmentNewPerDay(settings, { newPerDay: 40, maxReviewsPerDay: 50 })).toBe(25);
    expect(assignmentNewPerDay(settings, undefined)).toBe(10);
  });

  it("turns a deck that fits at the learner's pace into one at risk at its preset's slower pace", () => {
    const deck = input({ dueAt: inDays(3) });
    expect(onTrack(deck).status).toBe("on-track");
    const preset = assignmentNewPerDay(settings, { newPerDay: 2, maxReviewsPerDay: 50 });
    expect(onTrack({ ...deck, newPerDay: preset })).toEqual({
      status: "at-risk",
      reason: "12 cards left, 6 days at 2 new a day; only 3 days to go",
    });
  });
});

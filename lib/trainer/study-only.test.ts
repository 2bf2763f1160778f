import { describe, expect, it } from "vitest";
import { DEFAULT_LEARNER_SETTINGS, newCardSchedule, rate } from "@/lib/srs";
import { trainingSet } from "@/lib/srs/training";
import type { CardSchedule, ReviewRating } from "@/lib/srs/types";
import { studyOnlyCard, studyOnlyLogs } from "./study-only";

const T0 = new Date(Date.UTC(2026, 10, 1, 9));
const at = (days: number) => new Date(T0.getTime() + days * 86_400_000);
const settings = { ...DEFAULT_LEARNER_SETTINGS, enableFuzz: true };

function answer(answers: [ReviewRating, Date][]): CardSchedule {
  let schedule = newCardSchedule(answers[0]![1]);
  for (const [rating, when] of answers) schedule = rate(schedule, rating, when, settings, "u:c").next;
  return schedule;
}

describe("studyOnlyCard", () => {
  it("equals the stored state of a card only studied (fuzz seed included)", () => {
    const history: [ReviewRating, Date][] = [
      [3, at(0)],
      [3, at(0.01)],
      [1, at(5)],
      [3, at(5.01)],
    ];
    const replayed = studyOnlyCard(
      history.map(([rating, reviewedAt]) => ({ rating, reviewedAt })),
      settings,
      "u:c",
    );
    expect(replayed.schedule).toEqual(answer(history));
    expect(replayed.statesBefore).toEqual(["new", "learning", "review", "relearning"]);
  });

  it("is new without study answers, and leaves out what a quiz answer in between did", () => {
    expect(studyOnlyCard([], settings, "u:c")).toEqual({ schedule: null, statesBefore: [] });
    const withQuizMiss = answer([
      [3, at(0)],
      [3, at(0.01)],
      [1, at(2)],
      [3, at(4)],
    ]);
    const studyOnly = studyOnlyCard(
      [
        { rating: 3, reviewedAt: at(0) },
        { rating: 3, reviewedAt: at(0.01) },
        { rating: 3, reviewedAt: at(4) },
      ],
      settings,
      "u:c",
    );
    expect(studyOnly.schedule?.lapses).toBe(0);
    expect(withQuizMiss.lapses).toBe(1);
    expect(studyOnly.statesBefore).toEqual(["new", "learning", "review"]);
  });
});

describe("studyOnlyLogs", () => {
  const UTC = { timeZone: "UTC", dayRolloverHour: 4 };
  const log = (
    cardId: string,
    day: number,
    origin: "study" | "quiz",
    stateBefore: "new" | "learning" | "review",
  ) => ({
    cardId,
    rating: 3 as ReviewRating,
    reviewedAt: at(day),
    origin,
    stateBefore,
  });
  it("keeps a card a quiz introduced, so the fit's counts are those of the study answers alone", () => {
    const logs = [
      log("a", 0, "study", "new"),
      log("a", 2, "study", "review"),
      log("b", 0, "quiz", "new"),
      log("b", 1, "study", "learning"),
      log("b", 3, "study", "review"),
    ];
    const studyOnly = trainingSet(studyOnlyLogs(logs), UTC);
    expect(studyOnly).toMatchObject({ reviewCount: 4, cardCount: 2 });
    // Without it, card b is dropped: its remaining history does not start from "new".
    expect(trainingSet(logs, UTC, { includeQuiz: false })).toMatchObject({ reviewCount: 2, cardCount: 1 });
    const control = [
      log("a", 0, "study", "new"),
      log("a", 2, "study", "review"),
      log("b", 1, "study", "new"),
      log("b", 3, "study", "review"),
    ];
    expect(studyOnly).toEqual(trainingSet(control, UTC));
  });
});

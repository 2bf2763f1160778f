// Shared fixtures for the lib/study tests: a small session at a fixed time, fuzz off.
import { newCardSchedule } from "@/lib/srs/scheduler";
import type { StudyCard, StudySessionData, WireSchedule } from "./session-data";
import { toWire } from "./session-data";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** 2026-03-01 12:00 UTC; with UTC and rollover 4 the study day ends 2026-03-02 04:00 UTC. */
export const T0 = Date.UTC(2026, 2, 1, 12);

export const SETTINGS: StudySessionData["settings"] = {
  desiredRetention: 0.9,
  maximumInterval: 36500,
  enableFuzz: false,
  learningSteps: ["1m", "10m"],
  relearningSteps: ["10m"],
  timeZone: "UTC",
  dayRolloverHour: 4,
};

export function studyCard(
  cardId: string,
  schedule: WireSchedule = toWire(newCardSchedule(new Date(T0))),
  version = 0,
): StudyCard {
  return {
    cardId,
    deckSlug: "deck",
    deckTitle: "Deck",
    kind: "basic",
    front: `Front of ${cardId}`,
    back: `Back of ${cardId}`,
    evidence: "background",
    topic: null,
    sources: [],
    schedule,
    version,
  };
}

export function sessionData(cards: StudyCard[], upcomingLearning: StudyCard[] = []): StudySessionData {
  return {
    userId: "user-1",
    scope: { deck: "deck", title: "Deck", cardIds: null },
    settings: SETTINGS,
    cards,
    counts: { learning: 0, review: 0, new: cards.length },
    upcomingLearning,
    serverNow: T0,
    dayEnd: Date.UTC(2026, 2, 2, 4),
  };
}

export { InvalidReviewError, StudyDayError, UndoMismatchError } from "./errors";
export { fromFsrsCard, toFsrsCard } from "./fsrs-card";
export { formatInterval } from "./interval-label";
export { deckNewAllowance, type NewIntroducedToday, takeInTurn, totalNewAllowance } from "./new-limits";
export { buildQueue, holdsLeastRemembered, type QueueCard, type StudyQueue, type TodayCounts } from "./queue";
export { type ReplayedReview, replay, sameSchedule } from "./replay";
export { recallAtRatio, retrievability, retrievabilityAt } from "./retrievability";
export {
  elapsedDays,
  fsrsFor,
  newCardSchedule,
  previewRatings,
  type RatedReview,
  type RatingPreview,
  rate,
  type SchedulerSettings,
} from "./scheduler";
export {
  DEFAULT_LEARNER_SETTINGS,
  type LearnerSettings,
  type LearnerSettingsInput,
  learnerSettingsSchema,
  type StudyDayClock,
} from "./settings";
export {
  type AnsweredReview,
  type DayCount,
  dueForecast,
  meanRetrievability,
  type Retention,
  reviewsPerDay,
  trueRetention,
} from "./stats";
export {
  nextStudyDayStart,
  shiftStudyDayKey,
  studyDayKey,
  studyDayStart,
  studyDayStartOfKey,
} from "./study-day";
export {
  type CardSchedule,
  REVIEW_RATINGS,
  type ReviewLogFields,
  type ReviewRating,
  type SrsState,
} from "./types";
export { toFsrsLog, undo } from "./undo";

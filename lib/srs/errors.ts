/** A review that cannot be scheduled: bad rating, invalid time, or a time before the last review. */
export class InvalidReviewError extends Error {
  override name = "InvalidReviewError";
}

/** Undo was given a log that is not the latest review of this schedule. */
export class UndoMismatchError extends Error {
  override name = "UndoMismatchError";
}

/** A time zone, rollover hour or study-day key that cannot be used. */
export class StudyDayError extends Error {
  override name = "StudyDayError";
}

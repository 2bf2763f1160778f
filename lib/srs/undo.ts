import type { ReviewLog } from "ts-fsrs";
import { UndoMismatchError } from "./errors";
import { fromFsrsCard, TO_FSRS_GRADE, toFsrsCard, toFsrsState } from "./fsrs-card";
import { fsrsFor } from "./scheduler";
import { DEFAULT_LEARNER_SETTINGS } from "./settings";
import type { CardSchedule, ReviewLogFields } from "./types";

/**
 * The ts-fsrs log this review would have produced. ts-fsrs's `due` field is really
 * "last review, or due if never reviewed"; the deprecated elapsed-days fields are not used by rollback.
 */
export function toFsrsLog(log: ReviewLogFields): ReviewLog {
  return {
    rating: TO_FSRS_GRADE[log.rating],
    state: toFsrsState(log.stateBefore),
    due: new Date((log.lastReviewBefore ?? log.dueBefore).getTime()),
    stability: log.stabilityBefore,
    difficulty: log.difficultyBefore,
    elapsed_days: 0,
    last_elapsed_days: 0,
    scheduled_days: log.scheduledDaysBefore,
    learning_steps: log.learningStepsBefore,
    review: new Date(log.reviewedAt.getTime()),
  };
}

/**
 * The schedule before the review recorded in `log`, via ts-fsrs `rollback`. Rollback sets `due` to
 * the review time, not the previous due, so `dueBefore` from the log is put back.
 */
export function undo(next: CardSchedule, log: ReviewLogFields): CardSchedule {
  if (
    next.lastReview?.getTime() !== log.reviewedAt.getTime() ||
    next.due.getTime() !== log.dueAfter.getTime()
  ) {
    throw new UndoMismatchError("This log is not the latest review of this card");
  }
  // Rollback does not depend on the parameters, so any scheduler will do.
  const previous = fromFsrsCard(fsrsFor(DEFAULT_LEARNER_SETTINGS).rollback(toFsrsCard(next), toFsrsLog(log)));
  return { ...previous, due: new Date(log.dueBefore.getTime()) };
}

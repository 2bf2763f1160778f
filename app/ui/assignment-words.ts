import { StudyDayError } from "@/lib/srs/errors";
import { studyDayKey } from "@/lib/srs/study-day";

/** How assignments read, the same for the trainer who set them and the client who follows them. */

// Due dates are calendar dates stored as midnight UTC, so dates are shown in UTC.
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function dueDateText(dueAt: Date | null): string {
  return dueAt ? `Due ${dateFormat.format(dueAt)}` : "No due date";
}

export function dayText(date: Date): string {
  return dateFormat.format(date);
}

export function goalText(assignment: { goal: string; targetRecall: number | null }): string {
  if (assignment.goal === "recall") {
    const target =
      assignment.targetRecall === null ? "the target" : `${Math.round(assignment.targetRecall * 100)}%`;
    return `Predicted recall of at least ${target} on the due date`;
  }
  return "Start every card in the deck";
}

export function quizTargetText(quizTarget: number | null): string | null {
  return quizTarget === null ? null : `Quiz score of at least ${quizTarget}%`;
}

/**
 * The earliest due date a trainer may pick (YYYY-MM-DD): today where the trainer is. The form
 * sends the browser's time zone; without a valid one, yesterday in UTC (the earliest "today"
 * anywhere), so a trainer west of UTC is never refused their own today.
 */
export function earliestDueDate(now: Date, timeZone?: string | null): string {
  if (timeZone) {
    try {
      return studyDayKey(now, timeZone, 0);
    } catch (error) {
      if (!(error instanceof StudyDayError)) throw error;
    }
  }
  return new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
}

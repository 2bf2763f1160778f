import { type Ref, useMemo } from "react";
import { schedulingSettings } from "@/lib/srs/deck-options";
import { previewRatings, type SchedulerSettings } from "@/lib/srs/scheduler";
import type { ReviewRating } from "@/lib/srs/types";
import { fromWire, type StudyCard } from "@/lib/study/session-data";
import { spokenInterval } from "@/lib/study/time-words";
import styles from "./deferred.module.css";

const NAMES: Record<ReviewRating, string> = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };
// Good keeps the plain button colour.
const TONES: Record<ReviewRating, string | undefined> = {
  1: styles.studyRateAgain,
  2: styles.studyRateHard,
  3: "",
  4: styles.studyRateEasy,
};

/** Again / Hard / Good / Easy, each with the interval it would give; keys 1–4 do the same. */
export function RatingButtons({
  card,
  settings,
  userId,
  onRate,
  suggested,
  suggestedRef,
}: {
  /** The card on show, its answer shown. */
  card: Pick<StudyCard, "cardId" | "schedule" | "options">;
  settings: SchedulerSettings;
  /** Seeds the fuzz, as for the answer itself. */
  userId: string;
  onRate: (rating: ReviewRating) => void;
  /** A typed answer's suggested grade: marked, and focused so Enter accepts it. */
  suggested?: ReviewRating;
  suggestedRef?: Ref<HTMLButtonElement>;
}) {
  // What each button gives if pressed now; the same rate() inputs as the answer itself.
  const previews = useMemo(() => {
    const now = new Date(Math.max(Date.now(), card.schedule.lastReview ?? 0));
    return previewRatings(
      fromWire(card.schedule),
      now,
      schedulingSettings(settings, card.options),
      `${userId}:${card.cardId}`,
    );
  }, [card, settings, userId]);
  return (
    <fieldset className={styles.studyRatings}>
      <legend className="visually-hidden">How well did you remember? Keys 1 to 4.</legend>
      {previews.map(({ rating, label }) => (
        <button
          key={rating}
          ref={rating === suggested ? suggestedRef : undefined}
          type="button"
          className={`${styles.studyRate} ${TONES[rating] ?? ""}${rating === suggested ? ` ${styles.suggested}` : ""}`}
          aria-keyshortcuts={String(rating)}
          onClick={() => onRate(rating)}
        >
          <span className={styles.studyRateName}>{NAMES[rating]}</span>
          <span className={styles.studyRateInterval} aria-hidden="true">
            {label || "\u00a0"}
          </span>
          {label && <span className="visually-hidden">, next in {spokenInterval(label)}</span>}
          {rating === suggested && <span className={styles.tag}>Suggested</span>}
          <span className={styles.studyRateKey} aria-hidden="true">
            <kbd>{rating}</kbd>
          </span>
        </button>
      ))}
    </fieldset>
  );
}

import Link from "next/link";
import { dueDateText, goalText, quizTargetText } from "@/app/ui/assignment-words";
import { type DashboardProgress, getDeckProgress } from "@/lib/data/dashboard";
import { deckOptionsByDeck } from "@/lib/data/deck-presets";
import { getQuizHistory } from "@/lib/data/quiz";
import { getLearnerSettings } from "@/lib/data/settings";
import { introducedSchedules, predictedRecallByDeck } from "@/lib/data/stats";
import { listMyAssignments, listMyTrainers } from "@/lib/data/trainer/links";
import { assignmentNewPerDay, type OnTrack, type OnTrackStatus, onTrack } from "@/lib/trainer/on-track";
import styles from "./assigned-decks.module.css";
import dashboard from "./dashboard.module.css";

interface AssignedDeck {
  id: string;
  slug: string;
  title: string;
  trainerName: string;
  dueAt: Date | null;
  goal: string;
  targetRecall: number | null;
  quizTarget: number | null;
  /** The trainer's short message with the assignment. */
  message: string | null;
  introduced: number;
  total: number;
  track: OnTrack;
}

const TRACK_LABEL: Record<Exclude<OnTrackStatus, "no-deadline">, string> = {
  done: "Goal reached",
  "on-track": "On track",
  "at-risk": "Behind",
  overdue: "Overdue",
};

/** The learner's assignments with progress toward each goal, judged by lib/trainer/on-track. */
async function loadAssignedDecks(
  userId: string,
  now: Date,
  given?: DashboardProgress,
): Promise<AssignedDeck[]> {
  // Soonest due first and undated ones last (SQLite sorts nulls first).
  const assignments = (await listMyAssignments(userId)).sort(
    (a, b) =>
      (a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY) - (b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY),
  );
  if (assignments.length === 0) return [];
  const [progress, settings, deckOptions, bestScores] = await Promise.all([
    given ?? getDeckProgress(userId, now),
    getLearnerSettings(userId),
    deckOptionsByDeck(userId),
    Promise.all(
      assignments.map(async ({ deckSlug, quizTarget }) => {
        if (quizTarget === null) return null;
        const { best } = await getQuizHistory(userId, deckSlug);
        return best && best.total > 0 ? (best.score / best.total) * 100 : null;
      }),
    ),
  ]);
  // Suspended cards count nowhere in progress (lib/data/dashboard leaves them out of cardCount too).
  const schedules = (await introducedSchedules(userId)).filter((entry) => !entry.suspended);
  const decks = new Map(progress.decks.map((deck) => [deck.slug, deck]));
  return assignments.flatMap((assignment, index) => {
    const deck = decks.get(assignment.deckSlug);
    if (!deck) return []; // retired since it was assigned
    const own = schedules.filter((s) => s.decks.includes(assignment.deckSlug));
    // on-track wants the mean over all the deck's cards, cards not started counting as 0.
    const meanRecallAt = (at: Date) =>
      deck.cardCount === 0
        ? 0
        : ((predictedRecallByDeck(own, at, settings).get(deck.slug) ?? 0) * own.length) / deck.cardCount;
    const deadline = assignment.dueAt && assignment.dueAt > now ? assignment.dueAt : now;
    const track = onTrack({
      // The column is text checked by zod on the way in; anything but "recall" is the card goal.
      assignment: { ...assignment, goal: assignment.goal === "recall" ? "recall" : "all-introduced" },
      totalCards: deck.cardCount,
      introduced: deck.introduced,
      // The deck's own preset paces it (under the all-decks limit), as the study queue does.
      newPerDay: assignmentNewPerDay(settings, deckOptions.get(assignment.deckSlug)),
      projectedRecall: meanRecallAt(deadline),
      recallNow: meanRecallAt(now),
      bestQuizScore: bestScores[index] ?? null,
      now,
      timeZone: settings.timeZone,
    });
    return [
      {
        ...assignment,
        slug: deck.slug,
        title: deck.title,
        introduced: deck.introduced,
        total: deck.cardCount,
        track,
      },
    ];
  });
}

function AssignedDeckCard({ deck }: { deck: AssignedDeck }) {
  const progressId = `assigned-progress-${deck.id}`;
  const quiz = quizTargetText(deck.quizTarget);
  const { status, reason } = deck.track;
  return (
    <li className={`card ${dashboard.deckProgress} assigned-deck`}>
      <div className={dashboard.assignedDeckTop}>
        <h3>
          <Link href={`/decks/${deck.slug}`}>{deck.title}</Link>
        </h3>
        {/* Without a due date there is no pace to judge; the progress line says it all. */}
        {status !== "no-deadline" && (
          <span className={`pill track-pill track-${status}`}>{TRACK_LABEL[status]}</span>
        )}
      </div>
      <p className="muted small">
        From {deck.trainerName} · {dueDateText(deck.dueAt)}
      </p>
      <p className="small">
        <strong>Goal:</strong> {goalText(deck)}
        {quiz && `; ${quiz.charAt(0).toLowerCase()}${quiz.slice(1)}`}
      </p>
      {deck.message && (
        <figure className={styles.trainerMessage}>
          <blockquote className="small">{deck.message}</blockquote>
          <figcaption className="small muted">— {deck.trainerName}</figcaption>
        </figure>
      )}
      <div className={dashboard.deckProgressBar}>
        <span id={progressId} className="small muted">
          Progress: {deck.introduced} of {deck.total} cards started
        </span>
        <progress value={deck.introduced} max={Math.max(1, deck.total)} aria-labelledby={progressId} />
      </div>
      {status !== "no-deadline" && <p className="small track-reason">{reason}</p>}
      <div className="row">
        <Link href={`/study?deck=${encodeURIComponent(deck.slug)}`} className="button">
          Study<span className="visually-hidden">: {deck.title}</span>
        </Link>
        <Link href={`/decks/${deck.slug}/quiz`} className="button secondary">
          Quiz<span className="visually-hidden">: {deck.title}</span>
        </Link>
      </div>
    </li>
  );
}

interface AssignedDecksProps {
  userId: string;
  /** `?joined=<trainerId>` after accepting an invitation; named only if that link stands. */
  joinedTrainerId?: string;
  /** The dashboard's own getDeckProgress result, to avoid loading it twice. */
  progress?: DashboardProgress;
}

/**
 * Decks the learner's trainers assigned, soonest due first, for the top of the dashboard.
 * Renders nothing for a learner without assignments (unless they have just joined a trainer).
 */
export async function AssignedDecks({ userId, joinedTrainerId, progress }: AssignedDecksProps) {
  const now = new Date();
  const [decks, trainers] = await Promise.all([
    loadAssignedDecks(userId, now, progress),
    joinedTrainerId ? listMyTrainers(userId) : Promise.resolve([]),
  ]);
  const joined = trainers.find((t) => t.trainerId === joinedTrainerId);
  if (decks.length === 0 && !joined) return null;
  return (
    <section aria-labelledby="assigned-heading" className="assigned-decks">
      {joined && (
        <p className="alert success" role="status">
          You joined {joined.trainerName}. They see only what is listed on{" "}
          <Link href="/sharing">What my trainers see</Link>.
        </p>
      )}
      <div className="section-title">
        <h2 id="assigned-heading">Assigned to you</h2>
        <Link href="/sharing">What my trainers see</Link>
      </div>
      {decks.length === 0 ? (
        <div className="card empty-state">
          Nothing assigned yet. When {joined?.trainerName ?? "your trainer"} assigns you a deck, it appears
          here.
        </div>
      ) : (
        <ul className="grid feature-list">
          {decks.map((deck) => (
            <AssignedDeckCard key={deck.id} deck={deck} />
          ))}
        </ul>
      )}
    </section>
  );
}

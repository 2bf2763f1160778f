import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { currentUser, requirePageUser } from "@/lib/auth/session";
import { getDeck } from "@/lib/data/content";
import { getQuizHistory } from "@/lib/data/quiz";
import { getLearnerSettings } from "@/lib/data/settings";
import styles from "../../../quiz/quiz.module.css";
import deckStyles from "../../decks.module.css";
import { DiscardQuizButton } from "./discard-quiz-button";
import { QuizHistoryList } from "./quiz-history";
import { StartQuizForm } from "./start-quiz-form";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await currentUser();
  const deck = user ? await getDeck((await params).slug, user.id) : null;
  return { title: deck ? `Quiz: ${deck.title}` : "Quiz" };
}

export default async function DeckQuizPage({ params }: Props) {
  const { slug } = await params;
  const user = await requirePageUser(`/decks/${encodeURIComponent(slug)}/quiz`);
  const [deck, history, settings] = await Promise.all([
    getDeck(slug, user.id),
    getQuizHistory(user.id, slug),
    getLearnerSettings(user.id),
  ]);
  if (!deck) notFound();
  const { open } = history;

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <Link href="/decks">Decks</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/decks/${deck.slug}`}>{deck.title}</Link> <span aria-hidden="true">/</span>
      </nav>
      <h1>Take a quiz</h1>
      <p className={`muted ${deckStyles.deckDescription}`}>
        {deck.title}: {deck.quizCount} questions. After each answer you see how sure the evidence is and in
        whom it was shown. Your answers also update your review schedule.
      </p>

      {open && (
        <section className={`card ${styles.quizResume}`} aria-labelledby="resume-heading">
          <div>
            <h2 id="resume-heading">You have an unfinished quiz</h2>
            <p className="muted small">
              {open.answered} of {open.total} questions answered.
            </p>
          </div>
          <div className="row">
            <Link href={`/quiz/${open.id}`} className="button">
              Resume ({open.answered} of {open.total} answered)
            </Link>
            <DiscardQuizButton attemptId={open.id} deckSlug={deck.slug} />
          </div>
        </section>
      )}

      <div className={styles.quizStartLayout}>
        <section className="card" aria-labelledby="start-heading">
          <h2 id="start-heading">{open ? "Start a new quiz" : "Start a quiz"}</h2>
          {deck.quizCount === 0 ? (
            <p className="muted">This deck has no quiz questions yet.</p>
          ) : (
            <StartQuizForm deckSlug={deck.slug} available={deck.quizCount} replacesOpen={Boolean(open)} />
          )}
        </section>
        <section className="card" aria-labelledby="history-heading">
          <h2 id="history-heading">Your results</h2>
          <QuizHistoryList history={history} timeZone={settings.timeZone} />
        </section>
      </div>
    </>
  );
}

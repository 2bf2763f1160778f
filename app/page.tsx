import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import styles from "./page.module.css";

export default async function HomePage() {
  if (await currentUser()) redirect("/dashboard");
  return (
    <>
      <section className={styles.hero}>
        <h1>Remember what the evidence actually says.</h1>
        <p>
          Retain turns articles on vitamin K2, muscle, bone and circulation into flashcards and quizzes. Every
          card quotes the sentence it came from and tells you whether that finding was shown in people, in
          animals or only in cells. Reviews are scheduled with FSRS, so you study each card just before you
          would forget it.
        </p>
        <div className="row">
          <Link href="/sign-up" className="button">
            Create a free account
          </Link>
          <Link href="/sign-in" className="button secondary">
            Sign in
          </Link>
        </div>
      </section>
      <section className="grid" aria-label="What Retain does">
        <article className="card">
          <h2>Cited, graded cards</h2>
          <p className="muted">
            Each card links to its source sentence and carries an evidence level: randomized trial, human
            study, meta-analysis, animal, cell study, mechanism or background.
          </p>
        </article>
        <article className="card">
          <h2>Spaced repetition that adapts</h2>
          <p className="muted">
            FSRS predicts when you will forget each card. Set the retention you want; Retain plans the
            reviews.
          </p>
        </article>
        <article className="card">
          <h2>Built for trainers</h2>
          <p className="muted">
            Trainers invite clients, assign decks with deadlines and see progress, only with the client&apos;s
            consent.
          </p>
        </article>
      </section>
    </>
  );
}

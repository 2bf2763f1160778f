import type { QuizMiss } from "@/lib/data/trainer/client-detail";
import { dateText, dateTimeText } from "../../clients-words";
import styles from "../../trainer.module.css";

/** The client's latest wrong quiz answers with what they chose, or why they are not shown. */
export function QuizMisses({ misses, name }: { misses: QuizMiss[] | null; name: string }) {
  return (
    <section aria-labelledby="misses-heading">
      <div className="section-title">
        <h2 id="misses-heading">Quiz misses</h2>
      </div>
      {misses === null ? (
        <div className="card empty-state">
          <p>Your client does not share quiz answers.</p>
          <p className="small">
            You still see {name}&apos;s quiz scores. They can turn sharing on under{" "}
            <em>What my trainers see</em>.
          </p>
        </div>
      ) : misses.length === 0 ? (
        <div className="card empty-state">No wrong quiz answers on the assigned decks.</div>
      ) : (
        <ul className={`feature-list ${styles.quizMisses}`}>
          {misses.map((miss) => (
            <li key={`${miss.itemId}-${miss.answeredAt.toISOString()}`} className={`card ${styles.quizMiss}`}>
              <p className="quiz-miss-meta small muted">
                {miss.deckTitle} ·{" "}
                <time dateTime={miss.answeredAt.toISOString()} title={dateTimeText(miss.answeredAt)}>
                  {dateText(miss.answeredAt)}
                </time>
              </p>
              <p className={styles.quizMissPrompt}>{miss.prompt}</p>
              {miss.picks.length === 0 ? (
                <p className="small muted">No option chosen (left blank).</p>
              ) : (
                <dl className={`${styles.quizMissPicks} small`}>
                  {miss.picks.map((pick) => (
                    <div key={pick.chosen} className={styles.quizMissPick}>
                      <dt>Chose</dt>
                      <dd className="is-wrong">
                        <span aria-hidden="true">✗ </span>
                        {pick.chosen}
                      </dd>
                      <dt>Right answer</dt>
                      <dd className="is-right">
                        <span aria-hidden="true">✓ </span>
                        {pick.expected}
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

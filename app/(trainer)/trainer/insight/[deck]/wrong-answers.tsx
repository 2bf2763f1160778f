import type { CommonWrongAnswer } from "@/lib/data/trainer/deck-insight";
import { plural } from "../../clients-words";
import styles from "../../trainer.module.css";

/** The wrong quiz options picked most often, from the clients who share their quiz answers. */
export function WrongAnswers({
  answers,
  sharingClients,
}: {
  answers: CommonWrongAnswer[];
  sharingClients: number;
}) {
  return (
    <section aria-labelledby="wrong-heading">
      <div className="section-title">
        <h2 id="wrong-heading">Wrong answers most often picked</h2>
        <span className="muted small">from {plural(sharingClients, "client")} sharing quiz answers</span>
      </div>
      {sharingClients === 0 ? (
        <div className="card empty-state">
          None of your clients with this deck shares quiz answers, so there are none to show. Each client
          decides this under <em>What my trainers see</em>.
        </div>
      ) : answers.length === 0 ? (
        <div className="card empty-state">No wrong quiz answers on this deck yet.</div>
      ) : (
        <ul className={`feature-list ${styles.quizMisses}`}>
          {answers.map((answer) => (
            <li key={`${answer.itemId}:${answer.chosen}`} className={`card ${styles.quizMiss}`}>
              <div className={styles.quizMissHead}>
                <p className={styles.quizMissPrompt}>{answer.prompt}</p>
                <span className="pill">
                  {plural(answer.count, "time")}, {plural(answer.clients, "client")}
                </span>
              </div>
              <dl className={`${styles.quizMissPicks} small`}>
                <div className={styles.quizMissPick}>
                  <dt>Picked</dt>
                  <dd className="is-wrong">
                    <span aria-hidden="true">✗ </span>
                    {answer.chosen}
                  </dd>
                  <dt>Right answer</dt>
                  <dd className="is-right">
                    <span aria-hidden="true">✓ </span>
                    {answer.expected}
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

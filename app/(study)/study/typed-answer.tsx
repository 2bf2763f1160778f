import styles from "./typed-answer.module.css";

/** The box the learner types the answer into; Enter checks it (and shows the answer). */
export function TypedAnswerForm({ onCheck }: { onCheck: (typed: string) => void }) {
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        const typed = new FormData(event.currentTarget).get("typed");
        onCheck(typeof typed === "string" ? typed : "");
      }}
    >
      <div className={styles.field}>
        <label htmlFor="typed-answer">Your answer</label>
        <input id="typed-answer" name="typed" autoComplete="off" autoCapitalize="off" spellCheck={false} />
      </div>
      <button type="submit" className="button">
        Check
      </button>
    </form>
  );
}

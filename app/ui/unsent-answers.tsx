import styles from "./sign-out-button.module.css";

/** Signing out found answers it could not send: stay signed in until they go, or leave them here. */
export function UnsentAnswers({
  waiting,
  one,
  onStay,
  onLeave,
}: {
  /** What is waiting, in words ("2 answers and 1 card mark"). */
  waiting: string;
  one: boolean;
  onStay: () => void;
  onLeave: () => void;
}) {
  return (
    <div className="alert warning" role="alert">
      <p>
        {waiting} {one ? "has" : "have"} not reached the server yet. Stay signed in until you are back online,
        or sign out and keep {one ? "it" : "them"} on this device until you sign in here again.
      </p>
      <div className={styles.choices}>
        <button type="button" className="button" onClick={onStay}>
          Stay signed in
        </button>
        <button type="button" className="button secondary" onClick={onLeave}>
          Sign out anyway
        </button>
      </div>
    </div>
  );
}

import { FLAGS } from "@/lib/study/flags";
import styles from "./card-marks.module.css";

const DOT = [styles.flag1, styles.flag2, styles.flag3, styles.flag4];

/** Dot of a flag colour (1–4), for the study screen and the card browser. */
export function FlagDot({ flag }: { flag: number }) {
  return flag > 0 ? <span className={`${styles.dot} ${DOT[flag - 1]}`} aria-hidden="true" /> : null;
}

/** Flag, bury and suspend the card on show; the keys (Alt+1–4, B, S) do the same. */
export function CardMarksBar({
  flag,
  onFlag,
  onBury,
  onSuspend,
}: {
  flag: number;
  onFlag: (colour: number) => void;
  onBury: () => void;
  onSuspend: () => void;
}) {
  return (
    <div className={styles.bar}>
      <fieldset className={styles.flags}>
        <legend className="visually-hidden">Flag this card (Alt+1 to Alt+4)</legend>
        {FLAGS.map(({ value, name }) => (
          <button
            key={value}
            type="button"
            className={styles.flag}
            aria-pressed={flag === value}
            aria-keyshortcuts={`Alt+${value}`}
            title={`${name} flag (Alt+${value})`}
            onClick={() => onFlag(value)}
          >
            <FlagDot flag={value} />
            <span className="visually-hidden">{name} flag</span>
          </button>
        ))}
      </fieldset>
      <button
        type="button"
        className={`button secondary ${styles.action}`}
        aria-keyshortcuts="B"
        onClick={onBury}
      >
        Bury until tomorrow
        <span aria-hidden="true">
          <kbd>B</kbd>
        </span>
      </button>
      <button
        type="button"
        className={`button secondary ${styles.action}`}
        aria-keyshortcuts="S"
        onClick={onSuspend}
      >
        Suspend
        <span aria-hidden="true">
          <kbd>S</kbd>
        </span>
      </button>
    </div>
  );
}

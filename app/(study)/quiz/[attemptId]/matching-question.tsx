import { choiceLetter } from "@/lib/quiz/keys";
import { type PairResult, PairResults } from "../answer-review";
import styles from "../quiz.module.css";

/** Beyond this, a closed select cuts the text off, so the options are also listed in full. */
const LONG_CHOICE = 28;

/**
 * One labelled native select per left-hand prompt: it works with a keyboard, a pointer, a screen
 * reader and a phone's own picker. Options start with their letter, so typing it picks one.
 * Once answered, the pairs are shown right or wrong instead.
 */
export function MatchingQuestion({
  questionId,
  labelledBy,
  prompts,
  choices,
  pairs,
  onChange,
  results,
}: {
  questionId: string;
  labelledBy: string;
  prompts: string[];
  choices: string[];
  pairs: Record<string, string>;
  onChange: (left: string, right: string) => void;
  results: PairResult[] | null;
}) {
  if (results) {
    // In the order the prompts were asked, not the order of the stored answer.
    const byLeft = new Map(results.map((result) => [result.left, result]));
    const ordered = prompts.flatMap((left) => byLeft.get(left) ?? []);
    return <PairResults pairs={ordered.length === results.length ? ordered : results} />;
  }
  const long = choices.some((choice) => choice.length > LONG_CHOICE);
  const optionsId = `match-options-${questionId}`;
  return (
    <fieldset className={`${styles.quizMatching} ${long ? styles.isLong : ""}`} aria-labelledby={labelledBy}>
      {long && (
        <ol
          id={optionsId}
          className={`feature-list ${styles.quizMatchOptions}`}
          aria-label="Matches to choose from"
        >
          {choices.map((choice, index) => (
            <li key={choice}>
              <span className={styles.quizKey} aria-hidden="true">
                {choiceLetter(index)}
              </span>
              <span>{choice}</span>
            </li>
          ))}
        </ol>
      )}
      {prompts.map((left, index) => {
        const id = `match-${questionId}-${index}`;
        return (
          <div key={left} className={`field ${styles.quizMatchRow}`}>
            <label htmlFor={id}>{left}</label>
            <select
              id={id}
              value={pairs[left] ?? ""}
              onChange={(event) => onChange(left, event.target.value)}
            >
              <option value="">– Choose a match –</option>
              {choices.map((choice, choiceIndex) => (
                <option key={choice} value={choice}>
                  {choiceLetter(choiceIndex)}. {choice}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}

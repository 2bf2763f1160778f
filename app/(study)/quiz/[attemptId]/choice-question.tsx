import { choiceLetter } from "@/lib/quiz/keys";
import type { ReviewedAnswer } from "../answer-review";
import { Mark } from "../answer-review";
import styles from "../quiz.module.css";

/** Radio choices, each with its key letter; once answered, the right one and the learner's are marked. */
export function ChoiceQuestion({
  questionId,
  labelledBy,
  choices,
  selected,
  onSelect,
  answer,
}: {
  questionId: string;
  labelledBy: string;
  choices: string[];
  selected: string | undefined;
  onSelect: (choice: string) => void;
  answer: ReviewedAnswer | null;
}) {
  const chosen = answer && "choice" in answer.response ? answer.response.choice : selected;
  return (
    <fieldset className={styles.quizChoices} aria-labelledby={labelledBy} disabled={Boolean(answer)}>
      {choices.map((choice, index) => {
        const isRight = answer !== null && choice === answer.expected;
        const isWrongPick = answer !== null && !isRight && choice === chosen;
        const state = isRight ? "is-right" : isWrongPick ? "is-wrong" : "";
        return (
          <label key={choice} className={`choice ${styles.quizChoice} ${state}`}>
            <input
              type="radio"
              id={`choice-${questionId}-${index}`}
              name={`choice-${questionId}`}
              value={choice}
              checked={chosen === choice}
              onChange={() => onSelect(choice)}
            />
            <span className={styles.quizKey} aria-hidden="true">
              {choiceLetter(index)}
            </span>
            <span className={styles.quizChoiceText}>{choice}</span>
            {(isRight || isWrongPick) && (
              <span className={styles.quizChoiceVerdict}>
                <Mark right={isRight} />{" "}
                {isRight ? (chosen === choice ? "Your answer, right" : "Right answer") : "Your answer"}
              </span>
            )}
          </label>
        );
      })}
    </fieldset>
  );
}

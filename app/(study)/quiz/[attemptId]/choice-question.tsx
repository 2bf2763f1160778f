import { choiceLetter } from "@/lib/quiz/keys";
import type { ReviewedAnswer } from "../answer-review";
import { Mark } from "../answer-review";

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
    <fieldset className="quiz-choices" aria-labelledby={labelledBy} disabled={Boolean(answer)}>
      {choices.map((choice, index) => {
        const isRight = answer !== null && choice === answer.expected;
        const isWrongPick = answer !== null && !isRight && choice === chosen;
        const state = isRight ? "is-right" : isWrongPick ? "is-wrong" : "";
        return (
          <label key={choice} className={`choice quiz-choice ${state}`}>
            <input
              type="radio"
              id={`choice-${questionId}-${index}`}
              name={`choice-${questionId}`}
              value={choice}
              checked={chosen === choice}
              onChange={() => onSelect(choice)}
            />
            <span className="quiz-key" aria-hidden="true">
              {choiceLetter(index)}
            </span>
            <span className="quiz-choice-text">{choice}</span>
            {(isRight || isWrongPick) && (
              <span className="quiz-choice-verdict">
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

export interface WaitingCounts {
  answers: number;
  undos: number;
  /** Suspends, burials and flags not yet sent. */
  marks: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "2 answers", "1 undo", "2 answers and 1 card mark": what is waiting, as the learner says it. */
export function waitingWords({ answers, undos, marks }: WaitingCounts): string {
  const parts = [
    answers > 0 || (undos === 0 && marks === 0) ? plural(answers, "answer") : null,
    undos > 0 ? plural(undos, "undo") : null,
    marks > 0 ? plural(marks, "card mark") : null,
  ].filter(Boolean);
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "");
}

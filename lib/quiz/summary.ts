import type { QuizQuestion } from "./types";

export interface Breakdown {
  key: string;
  right: number;
  total: number;
}

export interface QuizSummary {
  right: number;
  total: number;
  /** 0–100, rounded. */
  percent: number;
  byTopic: Breakdown[];
  byEvidence: Breakdown[];
}

function tally(rows: Array<{ key: string; correct: boolean }>): Breakdown[] {
  const map = new Map<string, Breakdown>();
  for (const { key, correct } of rows) {
    const entry = map.get(key) ?? { key, right: 0, total: 0 };
    entry.total++;
    if (correct) entry.right++;
    map.set(key, entry);
  }
  return [...map.values()].sort(
    (a, b) => a.right / a.total - b.right / b.total || a.key.localeCompare(b.key),
  );
}

/**
 * Score and the per-topic and per-evidence-level breakdowns, weakest first. `asked` counts
 * questions left unanswered (a quiz finished early) as missed in the score.
 */
export function summarize(
  answered: ReadonlyArray<{ question: Pick<QuizQuestion, "topic" | "evidence">; correct: boolean }>,
  asked = answered.length,
): QuizSummary {
  const right = answered.filter((a) => a.correct).length;
  const total = Math.max(asked, answered.length);
  return {
    right,
    total,
    percent: total ? Math.round((right / total) * 100) : 0,
    byTopic: tally(answered.map((a) => ({ key: a.question.topic ?? "General", correct: a.correct }))),
    byEvidence: tally(answered.map((a) => ({ key: a.question.evidence, correct: a.correct }))),
  };
}

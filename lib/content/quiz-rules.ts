import { evidenceOfPhrase } from "./evidence-phrases";
import type { QuizInput } from "./schema";
import type { YamlPath } from "./yaml-file";

/** A rule broken by one quiz item; `path` is relative to the item, for the line number. */
export type QuizProblem = { path: YamlPath; message: string };

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/**
 * Checks that an item has exactly one right answer among its choices.
 * - multiple-choice / evidence-check: `answer` is one of the (distinct) `choices`.
 * - true-false: `choices` are ["True", "False"] and `answer` is one of them.
 * - matching: `pairs` (no `answer`), distinct lefts, every right among `choices`.
 * - evidence-check: the answer names the item's own level (see `evidenceOfPhrase`), and no other
 *   choice names the same level, so the quiz teaches the label the item carries.
 */
export function checkQuizAnswer(item: QuizInput): QuizProblem[] {
  const problems: QuizProblem[] = [];
  const add = (path: YamlPath, message: string) => problems.push({ path, message });
  for (const d of duplicates(item.choices)) add(["choices"], `choice "${d}" appears more than once`);

  if (item.kind === "matching") {
    if (item.answer !== undefined) add(["answer"], "matching items give `pairs`, not `answer`");
    if (!item.pairs) return [...problems, { path: ["kind"], message: "a matching item needs `pairs`" }];
    for (const d of duplicates(item.pairs.map((p) => p.left))) add(["pairs"], `left "${d}" is paired twice`);
    item.pairs.forEach((pair, i) => {
      if (!item.choices.includes(pair.right))
        add(["pairs", i, "right"], `"${pair.right}" is not among choices`);
    });
    return problems;
  }

  if (item.pairs) add(["pairs"], `only matching items take \`pairs\` (this is ${item.kind})`);
  if (
    item.kind === "true-false" &&
    (item.choices.length !== 2 || item.choices[0] !== "True" || item.choices[1] !== "False")
  ) {
    add(["choices"], 'true-false choices are exactly ["True", "False"]');
  }
  if (item.answer === undefined)
    return [...problems, { path: ["kind"], message: `a ${item.kind} item needs an \`answer\`` }];
  if (!item.choices.includes(item.answer)) add(["answer"], `answer "${item.answer}" is not among choices`);

  if (item.kind === "evidence-check") {
    const level = evidenceOfPhrase(item.answer);
    if (!level) {
      add(
        ["answer"],
        `answer "${item.answer}" names no evidence level (use a level name or e.g. "Rat study")`,
      );
    } else if (level !== item.evidence) {
      add(["answer"], `answer "${item.answer}" means ${level}, but the item is labelled ${item.evidence}`);
    } else {
      for (const choice of item.choices) {
        if (choice !== item.answer && evidenceOfPhrase(choice) === level) {
          add(["choices"], `choice "${choice}" also means ${level}, so the item has two right answers`);
        }
      }
    }
  }
  return problems;
}

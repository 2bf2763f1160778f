/**
 * "The learner may study this card now": the one predicate every queue and due count applies to
 * the learner's CardState row `s`. A suspended card, or one buried until a later moment, is in no
 * queue and no count. `s` may come from a LEFT JOIN (a never-seen card has no row: it is studyable).
 * `now` is the parameter placeholder for the current time: "?" (positional) or "@now" (named).
 */
export const studyableSql = (s: string, now = "?") =>
  `(${s}.suspended IS NULL OR (${s}.suspended = FALSE AND (${s}.buriedUntil IS NULL OR ${s}.buriedUntil <= ${now})))`;

/** The same rule on a row read into memory (lib/data/dashboard, workload, trainer views). */
export function isStudyable(marks: { suspended: boolean; buriedUntil: Date | null }, now: Date): boolean {
  return !marks.suspended && (marks.buriedUntil === null || marks.buriedUntil <= now);
}

/**
 * The studyable rule of lib/query/card-marks.ts (its home) as a raw SQL fragment, for the
 * statements not yet moved to the query builder (lib/data/trainer/client-rows): true when the
 * learner's CardState row `s` (possibly absent, from a LEFT JOIN) is neither suspended nor buried
 * past now. `now` is the parameter placeholder for the current time: "?" (positional) or "@now" (named).
 */
export const studyableSql = (s: string, now = "?") =>
  `(${s}.suspended IS NULL OR (${s}.suspended = FALSE AND (${s}.buriedUntil IS NULL OR ${s}.buriedUntil <= ${now})))`;

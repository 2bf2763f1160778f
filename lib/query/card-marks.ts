import { type Expression, expressionBuilder, type SqlBool, sql } from "kysely";
import type { DB } from "./index";

/**
 * "The learner may study this card now": the one predicate every queue and due count applies to
 * the learner's CardState row aliased `state`. A suspended card, or one buried until a later
 * moment, is in no queue and no count. `state` may come from a LEFT JOIN (a never-seen card has no
 * row: it is studyable). Use it in a `where`: `.where(studyable("s", now))`.
 */
export function studyable(state: string, now: Date): Expression<SqlBool> {
  const eb = expressionBuilder<DB, never>();
  const suspended = sql.ref<boolean | number | null>(`${state}.suspended`);
  const buriedUntil = sql.ref<Date | string | null>(`${state}.buriedUntil`);
  return eb.or([
    eb(suspended, "is", null),
    eb.and([eb(suspended, "=", false), eb.or([eb(buriedUntil, "is", null), eb(buriedUntil, "<=", now)])]),
  ]);
}

/** The same rule on a row read into memory (lib/data/dashboard, workload, stats, trainer views). */
export function isStudyable(marks: { suspended: boolean; buriedUntil: Date | null }, now: Date): boolean {
  return !marks.suspended && (marks.buriedUntil === null || marks.buriedUntil <= now);
}

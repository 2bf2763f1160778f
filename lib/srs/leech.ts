/** What happens to a card that becomes a leech: suspended (and tagged), or only tagged. */
export type LeechAction = "suspend" | "tag";

export interface LeechRule {
  /** Lapses (times forgotten after being learned) that make a card a leech. */
  threshold: number;
  action: LeechAction;
}

export const DEFAULT_LEECH_RULE: LeechRule = { threshold: 8, action: "suspend" };

/**
 * Whether an answer that took a card from `lapsesBefore` to `lapsesAfter` lapses makes it a leech
 * now: at the threshold, then again every half threshold (as Anki does), so a card unsuspended by
 * the learner and forgotten again is caught again.
 */
export function becomesLeech(lapsesBefore: number, lapsesAfter: number, rule: LeechRule): boolean {
  if (lapsesAfter <= lapsesBefore || lapsesAfter < rule.threshold) return false;
  const every = Math.max(1, Math.ceil(rule.threshold / 2));
  return (lapsesAfter - rule.threshold) % every === 0;
}

/** The rule from a stored settings row; anything unreadable falls back to the default. */
export function leechRuleOf(
  row: { leechThreshold?: number | bigint; leechAction?: string } | undefined,
): LeechRule {
  const threshold = Number(row?.leechThreshold ?? DEFAULT_LEECH_RULE.threshold);
  return {
    threshold: Number.isInteger(threshold) && threshold >= 1 ? threshold : DEFAULT_LEECH_RULE.threshold,
    action: row?.leechAction === "tag" ? "tag" : "suspend",
  };
}

/**
 * The leech marks to take off when an answer from `lapsesBefore` to `lapsesAfter` lapses is
 * undone, or null when that answer marked nothing. The answer's suspension comes off (a card is
 * only answered while unsuspended); its tag comes off when it was the card's first (fewer lapses
 * than the threshold before it), and stays when an earlier lapse had already tagged the card.
 * Judged by the rule as it is now: a rule changed between the answer and its undo may misjudge.
 */
export function leechMarksUndone(
  lapsesBefore: number,
  lapsesAfter: number,
  rule: LeechRule,
): { leech?: false; suspended?: false } | null {
  if (!becomesLeech(lapsesBefore, lapsesAfter, rule)) return null;
  return {
    ...(lapsesBefore < rule.threshold ? { leech: false as const } : {}),
    ...(rule.action === "suspend" ? { suspended: false as const } : {}),
  };
}

/**
 * The words of what a trainer tells a client in the app (ClientMessage): a reminder, and the
 * note a client gets when an assignment's due date or goal changes. Pure: dates are parameters.
 * lib/data/trainer/remind.ts stores them; mail, when configured, sends the same text.
 */

export type ClientMessageKind = "reminder" | "assignment-changed";

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function reminderBody(trainerName: string, note: string | null): string {
  const base = `${trainerName} reminds you to keep up with the decks they assigned.`;
  return note ? `${base} “${note}”` : base;
}

export interface AssignmentTerms {
  dueAt: Date | null;
  goal: string;
  targetRecall: number | null;
}

function goalWords(terms: AssignmentTerms): string {
  return terms.goal === "recall" && terms.targetRecall !== null
    ? `reach ${Math.round(terms.targetRecall * 100)}% predicted recall`
    : "study every card";
}

/** What changed, in one sentence, or null when neither the due date nor the goal did. */
export function assignmentChangeBody(
  deckTitle: string,
  before: AssignmentTerms,
  after: AssignmentTerms,
): string | null {
  const parts: string[] = [];
  if ((before.dueAt?.getTime() ?? null) !== (after.dueAt?.getTime() ?? null))
    parts.push(after.dueAt ? `is now due ${day.format(after.dueAt)}` : "no longer has a due date");
  if (before.goal !== after.goal || before.targetRecall !== after.targetRecall)
    parts.push(`has a new goal: ${goalWords(after)}`);
  if (parts.length === 0) return null;
  return `${deckTitle} ${parts.join(" and ")}.`;
}

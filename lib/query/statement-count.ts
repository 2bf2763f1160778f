/**
 * Statements the query builder's drivers sent, BEGIN and COMMIT included, since the process
 * started: for tests and the bench that count statements per review (issue 18). A plain counter,
 * and for tests, listeners that see each statement's text (test/integration/statements.test.ts).
 */
let count = 0;
const listeners = new Set<(text: string) => void>();

export function countStatement(text: string): void {
  count += 1;
  for (const listener of listeners) listener(text);
}

export function statementsSent(): number {
  return count;
}

/** Calls `listener` with the text of every statement sent until the returned function is called. */
export function watchStatements(listener: (text: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Statements the query builder's drivers sent, BEGIN and COMMIT included, since the process
 * started: for tests and the bench that count statements per review (issue 18). A plain counter.
 */
let count = 0;

export function countStatement(): void {
  count += 1;
}

export function statementsSent(): number {
  return count;
}

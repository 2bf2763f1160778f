import { sql } from "kysely";
import { type Tx, transaction } from "./index";

/** Past this many writes, a group commits and the rest form the next group. */
const MAX_GROUP = 64;

interface Waiting {
  work: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

let waiting: Waiting[] = [];
let scheduled = false;

/**
 * Group commit for SQLite: writes asked for in the same turn of the event loop share one
 * BEGIN IMMEDIATE ... COMMIT, so one fsync makes several durable (with synchronous=FULL the
 * COMMIT's fsync is most of a review's time on the single connection, and it blocks the event
 * loop). Under load, the requests read while the previous COMMIT ran arrive together.
 *
 * What each caller sees is unchanged:
 * - its promise settles only after the COMMIT, so nothing is acknowledged before it is durable;
 *   a failed COMMIT fails every write of the group;
 * - each write runs in its own savepoint, so one that throws is rolled back alone (and its caller
 *   gets its error) while the others commit;
 * - a write alone in its group runs exactly as `transaction(work)` would, statement for statement.
 *
 * The work must await nothing but its own statements (lib/query/sqlite-driver.ts).
 */
export function inGroupCommit<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (!scheduled) {
      scheduled = true;
      setImmediate(commitWaiting);
    }
  });
}

function commitWaiting(): void {
  const group = waiting.slice(0, MAX_GROUP);
  waiting = waiting.slice(MAX_GROUP);
  scheduled = waiting.length > 0;
  if (scheduled) setImmediate(commitWaiting);
  void commitGroup(group);
}

async function commitGroup(group: Waiting[]): Promise<void> {
  const [only] = group;
  if (group.length === 1 && only) {
    transaction(only.work).then(only.resolve, only.reject);
    return;
  }
  const outcomes: Outcome[] = [];
  try {
    await transaction(async (tx) => {
      for (const write of group) {
        await sql`SAVEPOINT grouped_write`.execute(tx);
        try {
          const value = await write.work(tx);
          await sql`RELEASE grouped_write`.execute(tx);
          outcomes.push({ ok: true, value });
        } catch (error) {
          await sql`ROLLBACK TO grouped_write`.execute(tx);
          await sql`RELEASE grouped_write`.execute(tx);
          outcomes.push({ ok: false, error });
        }
      }
    });
  } catch (error) {
    for (const write of group) write.reject(error);
    return;
  }
  group.forEach((write, i) => {
    const outcome = outcomes[i] as Outcome;
    if (outcome.ok) write.resolve(outcome.value);
    else write.reject(outcome.error);
  });
}

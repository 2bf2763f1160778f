import fc from "fast-check";
import { DatabaseWatch } from "./db-snapshot";
import { type FuzzServer, unexpectedStderr } from "./server";
import type { FuzzTarget } from "./target";
import type { World } from "./world";

export interface FuzzFigures {
  target: string;
  inputs: number;
  seconds: number;
  /** How the endpoint answered, e.g. { "401": 2100, "form error": 7900 }. */
  answers: Record<string, number>;
}

/** A full table comparison every so many inputs, besides the per-request `data_version` check. */
const FULL_CHECK_EVERY = 500;

const shorten = (text: string, max = 3_000) =>
  text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;

/**
 * Sends `runs` generated inputs to one endpoint, one at a time. Each must be answered as the
 * target's judge requires, must not change the database (checked after every request through
 * `data_version`, and by comparing every table every 500 inputs and at the end), and the server
 * must write nothing unexpected to stderr.
 */
export async function fuzzTarget(
  target: FuzzTarget,
  world: World,
  server: FuzzServer,
  runs: number,
  seed?: number,
): Promise<FuzzFigures> {
  const watch = new DatabaseWatch(world.databasePath);
  const stderrFrom = server.stderr().length;
  const answers: Record<string, number> = {};
  const started = performance.now();
  let inputs = 0;
  let firstChange: unknown;
  try {
    const property = fc.asyncProperty(target.inputs(world), async (input) => {
      const outcome = await target.send(world, input);
      inputs++;
      const label = target.label(outcome);
      answers[label] = (answers[label] ?? 0) + 1;
      const problem = target.judge(input, outcome);
      if (problem) throw new Error(problem);
      const changed = inputs % FULL_CHECK_EVERY === 0 ? watch.changedTables() : watch.changedSinceLastLook();
      if (changed.length) {
        // Judged afresh from here, so that shrinking blames only inputs that change it themselves.
        watch.rebase();
        firstChange ??= input;
        throw new Error(`the request changed the database: ${changed.join(", ")}`);
      }
    });
    const result = await fc.check(property, { numRuns: runs, seed });
    if (result.failed) {
      const error =
        result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
      throw new Error(
        [
          `${target.name} failed after ${result.numRuns} inputs (seed ${result.seed}, path "${result.counterexamplePath}"):`,
          shorten(error),
          `input: ${shorten(fc.stringify(result.counterexample?.[0]))}`,
          ...(firstChange === undefined
            ? []
            : [`first input that changed it: ${shorten(fc.stringify(firstChange))}`]),
        ].join("\n"),
      );
    }
    const changed = watch.changedTables();
    if (changed.length) throw new Error(`${target.name}: the database changed: ${changed.join(", ")}`);
  } finally {
    watch.close();
  }
  const stderr = unexpectedStderr(server.stderr().slice(stderrFrom));
  if (stderr.length) {
    // Without stack lines: Playwright would take them for the test's own and print the bundle.
    const entries = stderr.slice(0, 5).map((entry) => shorten(entry.replace(/^\s+at .*\n?/gm, ""), 1_000));
    throw new Error(
      `${target.name}: the server logged ${stderr.length} unexpected errors:\n${entries.join("\n")}`,
    );
  }
  return { target: target.name, inputs, seconds: (performance.now() - started) / 1000, answers };
}

import { startServer } from "../bench/server";
import { buildIfNeeded } from "../build-if-needed";
import { runScript } from "../run-script";
import { optionValue } from "./args";
import { openTabs, prepareDatabase } from "./learners";
import { Ledger } from "./ledger";
import { killServer } from "./server-process";
import { runTabs, type Tab } from "./tabs";
import { durabilityChecks, reportChecks, type Verification, verifyDatabase } from "./verify";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `npm run reliability:crash [-- --runs 30 --learners 50]`: each run starts the production server
 * on the same database file, puts it under the load of reliability:load, and kill -9s its
 * process at a random moment. After each kill the file is checked as SQLite recovers it; the
 * tabs keep their views and resend their unanswered keys on the next run, like the study outbox.
 */
runScript(async () => {
  const runs = Number(optionValue("--runs") ?? 30);
  const learnerCount = Number(optionValue("--learners") ?? 50);
  const maxKillMs = Number(optionValue("--max-kill-ms") ?? 4000);
  await buildIfNeeded();
  const { url, learners } = await prepareDatabase("crash", learnerCount);
  const userIds = learners.map((learner) => learner.id);
  const ledger = new Ledger();
  let tabs: Tab[] | undefined;
  const failures: string[] = [];
  console.log(
    `Crash: ${runs} runs of ${learnerCount} learners × 2 tabs, kill -9 within ${maxKillMs} ms (${url})`,
  );
  const started = Date.now();

  for (let run = 1; run <= runs; run++) {
    const server = await startServer(url);
    tabs ??= await openTabs(server.baseUrl, learners);
    const before = { acknowledged: ledger.acknowledged.size, requests: ledger.requests };
    const stop = { stopped: false };
    const load = runTabs(server.baseUrl, tabs, ledger, {
      until: Number.POSITIVE_INFINITY,
      resendRate: 0.1,
      stop,
    });
    const killAfter = Math.round(Math.random() * maxKillMs);
    await sleep(killAfter);
    const killed = await killServer(server);
    stop.stopped = true;
    await load;
    const v = await verifyDatabase(url, ledger, userIds);
    const bad = runFailures(v);
    failures.push(...bad.map((failure) => `run ${run}: ${failure}`));
    console.log(
      `  run ${String(run).padStart(2)}: killed pid ${killed.map((p) => p.pid).join(",")} (${killed[0]?.command}) after ${killAfter} ms; ` +
        `${ledger.requests - before.requests} requests, ${ledger.acknowledged.size - before.acknowledged} newly acknowledged, ` +
        `${ledger.inDoubt.size} in doubt (${v.committedInDoubt} committed); ${v.logRows} log rows; ` +
        `integrity ${v.integrity}; ${bad.length ? `FAILED: ${bad.join("; ")}` : "ok"}`,
    );
  }

  // One last start: the tabs resend what is still in doubt, then a clean shutdown.
  const server = await startServer(url);
  try {
    await runTabs(server.baseUrl, tabs ?? [], ledger, { until: Date.now() + 1000, resendRate: 0.1 });
  } finally {
    await server.stop();
  }
  const final = await verifyDatabase(url, ledger, userIds);
  console.log(
    `After ${runs} kills and a clean restart (${((Date.now() - started) / 1000).toFixed(0)} s in all):`,
  );
  console.log(`  ${ledger.summary((Date.now() - started) / 1000)}`);
  console.log(
    `  keys in doubt at a kill, settled on resend: ${ledger.inDoubtSettled.duplicate} had been committed, ` +
      `${ledger.inDoubtSettled.recorded} had not and were recorded, ${ledger.inDoubtSettled.stale} had not and were stale`,
  );
  reportChecks([
    [
      failures.length === 0,
      `checks after each of the ${runs} kills: ${failures.length ? failures.slice(0, 5).join("; ") : "all passed"}`,
    ],
    [ledger.inDoubt.size === 0, `keys still in doubt after the restart: ${ledger.inDoubt.size}`],
    [
      ledger.serverErrors() === 0,
      `5xx answers: ${ledger.serverErrors()} (network errors at the kills: ${ledger.networkErrors})`,
    ],
    ...durabilityChecks(final, ledger),
  ]);
});

function runFailures(v: Verification): string[] {
  const failures: string[] = [];
  if (v.integrity !== "ok") failures.push(`integrity_check ${v.integrity}`);
  if (v.missingAcknowledged.length)
    failures.push(`${v.missingAcknowledged.length} acknowledged keys missing`);
  if (v.unexpectedKeys.length) failures.push(`${v.unexpectedKeys.length} log rows with unknown keys`);
  if (v.mismatches.length)
    failures.push(`${v.mismatches.length} cards differ from their log (${v.mismatches[0]})`);
  return failures;
}

import { startServer } from "../bench/server";
import { buildIfNeeded } from "../build-if-needed";
import { runScript } from "../run-script";
import { optionValue } from "./args";
import { openTabs, prepareDatabase } from "./learners";
import { Ledger } from "./ledger";
import { runTabs } from "./tabs";
import { durabilityChecks, reportChecks, verifyDatabase } from "./verify";

/**
 * `npm run reliability:load [-- --seconds 120 --learners 50]`: learners with two tabs each on
 * overlapping cards answer back to back through the production server, 10% of requests resending
 * a key already sent; then the database is checked against every answer the tabs were given.
 */
runScript(async () => {
  const seconds = Number(optionValue("--seconds") ?? 120);
  const learnerCount = Number(optionValue("--learners") ?? 50);
  await buildIfNeeded();
  const { url, learners } = await prepareDatabase("load", learnerCount);
  const server = await startServer(url);
  const ledger = new Ledger();
  try {
    const tabs = await openTabs(server.baseUrl, learners);
    console.log(
      `Load: ${learnerCount} learners × 2 tabs for ${seconds} s against ${server.baseUrl} (${url})`,
    );
    await runTabs(server.baseUrl, tabs, ledger, { until: Date.now() + seconds * 1000, resendRate: 0.1 });
  } finally {
    await server.stop();
  }
  const verification = await verifyDatabase(
    url,
    ledger,
    learners.map((learner) => learner.id),
  );
  console.log(`  ${ledger.summary(seconds)}`);
  reportChecks([
    [ledger.serverErrors() === 0, `5xx answers: ${ledger.serverErrors()}`],
    [ledger.inDoubt.size === 0, `answers left without a response: ${ledger.inDoubt.size}`],
    [
      ledger.stale.size > 0,
      `stale submits answered 409: ${ledger.statuses.get(409) ?? 0} answers (${ledger.stale.size} distinct keys), each adopted by its tab`,
    ],
    [
      ledger.duplicatesAnswered > 0,
      `resends of acknowledged keys answered "duplicate": ${ledger.duplicatesAnswered}`,
    ],
    ...durabilityChecks(verification, ledger),
  ]);
});

import { sqlitePath } from "@/lib/database-url";
import { startServer } from "../bench/server";
import { buildIfNeeded } from "../build-if-needed";
import { runScript } from "../run-script";
import { optionValue } from "./args";
import { openTabs, prepareDatabase } from "./learners";
import { Ledger } from "./ledger";
import { runTabs } from "./tabs";
import { durabilityChecks, reportChecks, verifyDatabase } from "./verify";
import { type HeldLock, holdWriteLock } from "./write-lock";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `npm run reliability:lock [-- --learners 20 --hold-ms 6000]`: while learners answer through the
 * production server, another process holds SQLite's write lock for longer than the 5 s busy
 * timeout, first with BEGIN IMMEDIATE, then with BEGIN EXCLUSIVE. Every write must either
 * succeed and persist or get a 503 with Retry-After, which the tabs wait out and resend.
 */
runScript(async () => {
  const learnerCount = Number(optionValue("--learners") ?? 20);
  const holdMs = Number(optionValue("--hold-ms") ?? 6000);
  await buildIfNeeded();
  const { url, learners } = await prepareDatabase("lock", learnerCount);
  const server = await startServer(url);
  const ledger = new Ledger();
  const windows: { mode: string; lock: HeldLock; releasedAt: number }[] = [];
  const seconds = 6 + (holdMs / 1000 + 4) * 2;
  try {
    const tabs = await openTabs(server.baseUrl, learners);
    console.log(
      `Lock: ${learnerCount} learners × 2 tabs answering about every 200 ms for ${seconds} s; ` +
        `another process holds the write lock for ${holdMs} ms twice (${url})`,
    );
    const load = runTabs(server.baseUrl, tabs, ledger, {
      until: Date.now() + seconds * 1000,
      resendRate: 0.1,
      pauseMs: 200,
      retryBusy: true,
    });
    for (const mode of ["immediate", "exclusive"] as const) {
      await sleep(3000);
      const lock = await holdWriteLock(sqlitePath(url), holdMs, mode);
      windows.push({ mode, lock, releasedAt: await lock.released });
    }
    await load;
  } finally {
    await server.stop();
  }
  const verification = await verifyDatabase(
    url,
    ledger,
    learners.map((learner) => learner.id),
  );
  console.log(`  ${ledger.summary(seconds)}`);
  for (const { mode, lock, releasedAt } of windows) {
    // Requests in flight at some point while the other process held the lock.
    const during = ledger.timeline.filter((t) => t.sentAt < releasedAt && t.at > lock.lockedAt);
    const by = (status: number) => during.filter((t) => t.status === status).length;
    const waits = during.filter((t) => t.status === 200).map((t) => t.at - t.sentAt);
    console.log(
      `  BEGIN ${mode.toUpperCase()} held ${(releasedAt - lock.lockedAt).toFixed(0)} ms: ${during.length} requests in flight meanwhile, ` +
        `${by(200)} answered 200 (longest wait ${Math.max(0, ...waits).toFixed(0)} ms), ${by(503)} answered 503, ` +
        `${by(409)} answered 409, ${by(0)} connections reset; first 2xx after the release ${firstSuccessAfter(ledger, releasedAt)}`,
    );
  }
  const busy = ledger.busyAnswers;
  const wellFormed = busy.filter((b) => b.retryAfter !== null && typeof b.message === "string");
  const otherServerErrors = ledger.serverErrors() - (ledger.statuses.get(503) ?? 0);
  reportChecks([
    [otherServerErrors === 0, `5xx answers other than 503: ${otherServerErrors}`],
    [
      busy.length > 0 && wellFormed.length === busy.length,
      `writes that outlasted the busy timeout answered 503 with Retry-After and a JSON message: ${wellFormed.length} of ${busy.length}` +
        (busy[0] ? ` (Retry-After: ${busy[0].retryAfter}; "${String(busy[0].message)}")` : ""),
    ],
    [
      ledger.busyRetries === busy.length && ledger.inDoubt.size === 0,
      `every 503 was resent with its key and settled: ${ledger.busyRetries} resends, ${ledger.inDoubt.size} unsettled`,
    ],
    ...durabilityChecks(verification, ledger),
  ]);
});

function firstSuccessAfter(ledger: Ledger, releasedAt: number): string {
  const next = ledger.timeline
    .filter((t) => t.at >= releasedAt && t.status >= 200 && t.status < 300)
    .sort((a, b) => a.at - b.at)[0];
  return next ? `${(next.at - releasedAt).toFixed(0)} ms later` : "none";
}

// The FSRS optimizer in a worker thread, so fitting never blocks the server's event loop.
// Plain JavaScript on purpose: `next start` runs bundled server code, and a worker needs a real
// file on disk that Node can load as is (see run-optimizer.ts). It imports the binding itself.
// One worker serves fit after fit: {id, packed items, currentWeights, ...} in,
// {id, type: "progress" | "done" | "error", ...} out.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { unpackItems } from "./packed-items.mjs";

// On Linux, this thread yields the CPU to the server's own thread when both want it (nice 10).
// /proc/thread-self names this thread's id; elsewhere the worker keeps the normal priority.
try {
  setPriority(Number(readlinkSync("/proc/thread-self").split("/").at(-1)), 10);
} catch {
  // Not Linux, or not allowed: fine.
}

// The binding is native and built for a few platforms only (docs/dependencies.md): where it does
// not load, every fit fails with the reason instead of the worker dying.
let binding;
let unavailable;
try {
  binding = await import("@open-spaced-repetition/binding");
} catch (error) {
  const cause = error?.cause?.message ?? "";
  unavailable = `the FSRS optimizer cannot load on ${process.platform}-${process.arch}: ${error?.message ?? error}${cause ? ` (${cause})` : ""}`;
}

function measure(weights, items) {
  const { logLoss, rmseBins } = new binding.FSRSBinding(weights).evaluate(items);
  return { logLoss, rmse: rmseBins };
}

async function fitParameters(job) {
  if (!binding) throw new Error(unavailable);
  const items = unpackItems(
    job,
    (rating, deltaT) => new binding.FSRSBindingReview(rating, deltaT),
    (reviews) => new binding.FSRSBindingItem(reviews),
  );
  const before = measure(job.currentWeights, items);
  const weights = await binding.computeParameters(items, {
    enableShortTerm: true,
    numRelearningSteps: job.numRelearningSteps,
    // How often the binding reports progress; it also waits up to this long after training ends.
    timeout: job.progressIntervalMs,
    progress: (current, total) => {
      parentPort?.postMessage({ id: job.id, type: "progress", current, total });
    },
  });
  return { weights, before, after: measure(weights, items) };
}

parentPort?.on("message", async (job) => {
  try {
    parentPort?.postMessage({ id: job.id, type: "done", ...(await fitParameters(job)) });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, type: "error", message: String(error?.message ?? error) });
  }
});

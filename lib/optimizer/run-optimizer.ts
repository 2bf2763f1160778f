import "server-only";
import path from "node:path";
import type { TrainingItem } from "@/lib/srs/training";
import { workerClient } from "@/lib/workers/worker-client";
import type { PackedItems } from "./packed-items.mjs";

/** Log loss and RMSE (binned) of a set of parameters on the training items; lower is better. */
export interface Fit {
  logLoss: number;
  rmse: number;
}

export interface OptimizerResult {
  weights: number[];
  /** The parameters in use before, and the new ones, on the same items. */
  before: Fit;
  after: Fit;
}

export interface OptimizerInput {
  items: readonly TrainingItem[];
  currentWeights: readonly number[];
  numRelearningSteps: number;
  /** Training progress, 0–1. */
  onProgress?: (fraction: number) => void;
}

/**
 * The worker is a plain .mjs file found from the working directory, not imported: Turbopack
 * bundles server code, so a path relative to this module would point into .next. `next start`,
 * Vitest and the scripts all run from the project root.
 */
export function optimizerWorkerPath(): string {
  return path.join(
    /* turbopackIgnore: true */ process.cwd(),
    "lib",
    "optimizer",
    "fsrs-optimizer.worker.mjs",
  );
}

/**
 * Items travel packed in typed arrays (transferred, not copied). A card's items are prefixes of
 * one history (training.ts builds them so, sharing the review objects), so each history is sent
 * once and each item is (history, length): the worker then makes one binding object per review.
 */
export function pack(items: readonly TrainingItem[]): PackedItems {
  const total = items.reduce((sum, item) => sum + item.length, 0);
  const ratings = new Uint8Array(total);
  const deltas = new Uint32Array(total);
  const historyEnds: number[] = [];
  const itemHistory = new Uint32Array(items.length);
  const itemLength = new Uint32Array(items.length);
  let at = 0;
  let previous: TrainingItem | undefined;
  items.forEach((item, i) => {
    const last = previous ? previous.length - 1 : -1;
    // The same history, longer: training.ts's items of one card share their review objects.
    const continues =
      previous !== undefined &&
      item.length > previous.length &&
      item[last] === previous[last] &&
      item[0] === previous[0];
    const from = continues && previous ? previous.length : 0;
    if (!continues && previous) historyEnds.push(at);
    for (let r = from; r < item.length; r++) {
      const review = item[r] as TrainingItem[number];
      ratings[at] = review.rating;
      deltas[at] = review.deltaT;
      at++;
    }
    itemHistory[i] = historyEnds.length;
    itemLength[i] = item.length;
    previous = item;
  });
  if (items.length > 0) historyEnds.push(at);
  return {
    ratings: ratings.slice(0, at),
    deltas: deltas.slice(0, at),
    historyEnds: Uint32Array.from(historyEnds),
    itemHistory,
    itemLength,
  };
}

type WorkerMessage = { id: number } & (
  | { type: "progress"; current: number; total: number }
  | { type: "done"; weights: number[]; before: Fit; after: Fit }
  | { type: "error"; message: string }
);

// One worker per process, kept between fits (ended after a minute idle; a new one starts in about
// 50 ms): starting a Node worker and loading the binding costs more CPU than fitting a few
// thousand reviews.
const optimizerWorker = workerClient({ name: "optimizer", file: optimizerWorkerPath, idleMs: 60_000 });

function runInWorker(input: OptimizerInput): Promise<OptimizerResult> {
  const packed = pack(input.items);
  return optimizerWorker.request<OptimizerResult, WorkerMessage>({
    payload: {
      ...packed,
      currentWeights: [...input.currentWeights],
      numRelearningSteps: input.numRelearningSteps,
      progressIntervalMs: 50,
    },
    transfer: [
      packed.ratings.buffer,
      packed.deltas.buffer,
      packed.historyEnds.buffer,
      packed.itemHistory.buffer,
      packed.itemLength.buffer,
    ],
    onReply: (message) => {
      if (message.type === "progress") {
        if (message.total > 0) input.onProgress?.(Math.min(1, message.current / message.total));
        return undefined;
      }
      if (message.type === "error") return { error: new Error(`The optimizer failed: ${message.message}`) };
      return { value: { weights: message.weights, before: message.before, after: message.after } };
    },
  });
}

// One fit at a time per process: a fit keeps one core busy, and the other stays free for requests.
let queue: Promise<unknown> = Promise.resolve();

/** Fits FSRS-6 parameters to the items in a worker thread (queued behind any fit already running). */
export function runOptimizer(input: OptimizerInput): Promise<OptimizerResult> {
  const run = queue.then(
    () => runInWorker(input),
    () => runInWorker(input),
  );
  queue = run.catch(() => undefined);
  return run;
}

import { Worker } from "node:worker_threads";
import type { CardProposal, ProposalSet } from "../propose/types";
import { DocumentError, type ExtractedDocument, type ExtractOptions } from "./types";
import { ensureDocumentWorker } from "./worker-bundle";
import type { SelectionJob, WorkerJob, WorkerReply, WorkerStage } from "./worker-protocol";

export type WorkerResult = { document: ExtractedDocument; proposals?: ProposalSet };
type Pending = {
  on: Worker;
  resolve: (r: unknown) => void;
  reject: (e: Error) => void;
  onProgress?: (stage: WorkerStage, fraction?: number) => void;
};

/** An idle worker is ended after this long; the next job starts one again (about 1 s: parsers, NLP model). */
const IDLE_MS = 5 * 60_000;
let worker: Worker | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

/**
 * The worker runs a plain .mjs file on disk (built from our TypeScript by worker-bundle.ts), not
 * an import: Turbopack bundles server code, so a module path would point into .next. The same
 * arrangement as lib/optimizer's worker.
 */
function startWorker(file: string): Worker {
  const started = new Worker(file);
  // Only this worker's jobs fail with it: a stopped worker's exit arrives after the next job may
  // already run in a new one.
  const fail = (error: Error) => {
    if (worker === started) worker = null;
    for (const [id, job] of pending) {
      if (job.on !== started) continue;
      pending.delete(id);
      job.reject(error);
    }
  };
  started.on("message", (message: WorkerReply) => {
    const job = pending.get(message.id);
    if (!job) return;
    if (message.type === "progress") return job.onProgress?.(message.stage, message.fraction);
    pending.delete(message.id);
    if (message.type === "selection") {
      job.resolve(message.card);
    } else if (message.type === "done") {
      job.resolve(
        message.proposals
          ? { document: message.document, proposals: message.proposals }
          : { document: message.document },
      );
    } else if (message.code) {
      job.reject(new DocumentError(message.code, message.message));
    } else {
      job.reject(new Error(`Document extraction failed: ${message.message}`));
    }
  });
  started.on("error", fail);
  started.on("exit", (code) => fail(new Error(`The document worker stopped (exit code ${code})`)));
  return started;
}

/** A job still running after this long is stopped (a pathological PDF must not hold the worker). */
export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * `extractDocument` (and, with `propose`, `proposeItems`) in a worker thread. Rejects with a
 * `DocumentError` for bad input, like the plain function, and with code "timeout" when the job
 * runs past `timeoutMs` (the worker is then stopped; the next job starts a new one).
 * `onProgress` hears each stage, and for a PDF the share of its pages read.
 */
export async function extractInWorker(
  bytes: Uint8Array,
  options: Omit<ExtractOptions, "onProgress"> & {
    propose?: WorkerJob["propose"];
    onProgress?: (stage: WorkerStage, fraction?: number) => void;
    timeoutMs?: number;
  } = {},
): Promise<WorkerResult> {
  const { propose, onProgress, timeoutMs = DEFAULT_TIMEOUT_MS, ...extract } = options;
  return runJob<WorkerResult>(
    (id) => ({ id, bytes, options: extract, ...(propose ? { propose } : {}) }),
    timeoutMs,
    onProgress,
  );
}

/**
 * `proposeFromSelection` in the worker thread: tagging the whole document for its sibling terms
 * takes a while on a long text, so it stays off the request thread like the first proposals.
 */
export async function proposeSelectionInWorker(
  selection: SelectionJob["selection"],
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<CardProposal | null> {
  return runJob<CardProposal | null>((id) => ({ id, selection }), timeoutMs);
}

async function runJob<T>(
  message: (id: number) => WorkerJob | SelectionJob,
  timeoutMs: number,
  onProgress?: (stage: WorkerStage, fraction?: number) => void,
): Promise<T> {
  const file = await ensureDocumentWorker();
  clearTimeout(idleTimer);
  worker ??= startWorker(file);
  const running = worker;
  running.ref();
  const id = nextId++;
  const result = new Promise<T>((resolve, reject) => {
    pending.set(id, {
      on: running,
      resolve: resolve as (r: unknown) => void,
      reject,
      ...(onProgress ? { onProgress } : {}),
    });
  });
  running.postMessage(message(id));
  const timer = setTimeout(() => {
    const late = pending.get(id);
    if (!late) return;
    pending.delete(id);
    late.reject(
      new DocumentError(
        "timeout",
        "Reading this document took too long; try a smaller file or paste its text.",
      ),
    );
    if (worker === running) worker = null;
    void running.terminate();
  }, timeoutMs);
  const settle = () => {
    clearTimeout(timer);
    if ([...pending.values()].some((job) => job.on === running) || worker !== running) return;
    running.unref();
    idleTimer = setTimeout(() => {
      if (worker === running && ![...pending.values()].some((job) => job.on === running)) {
        worker = null;
        void running.terminate();
      }
    }, IDLE_MS);
    idleTimer.unref();
  };
  result.then(settle, settle);
  return result;
}

const WARM_UP = new TextEncoder().encode(
  "Warm-up\n\nA small trial in adults found that vitamin K2 reduced cramps over 8 weeks.",
);

/**
 * Builds and starts the worker and loads its parsers and NLP model (a few seconds on first use),
 * so the first real upload gets the warm figure. Call it when the upload page renders, say.
 */
export async function prepareDocumentWorker(): Promise<void> {
  await extractInWorker(WARM_UP, { fileName: "warm-up.md", propose: { document: "warm-up" } });
}

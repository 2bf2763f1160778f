import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ProposalSet } from "../propose/types";
import { DocumentError, type ExtractedDocument, type ExtractOptions } from "./types";
import type { WorkerJob, WorkerReply, WorkerStage } from "./worker-protocol";

/**
 * The worker is a plain .mjs bundle found from the working directory, not imported: Turbopack
 * bundles server code, so a path relative to this module would point into .next (the same
 * arrangement as lib/optimizer). `next start`, Vitest and the scripts all run from the root.
 */
export function documentWorkerPath(): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "documents", "document.worker.mjs");
}

export type WorkerResult = { document: ExtractedDocument; proposals?: ProposalSet };
type Pending = {
  resolve: (r: WorkerResult) => void;
  reject: (e: Error) => void;
  onProgress?: (stage: WorkerStage) => void;
};

/** An idle worker is ended after this long; the next job starts one again (and reloads the NLP model). */
const IDLE_MS = 60_000;
let worker: Worker | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

function startWorker(): Worker {
  const started = new Worker(documentWorkerPath());
  const fail = (error: Error) => {
    if (worker === started) worker = null;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  started.on("message", (message: WorkerReply) => {
    const job = pending.get(message.id);
    if (!job) return;
    if (message.type === "progress") return job.onProgress?.(message.stage);
    pending.delete(message.id);
    if (message.type === "done") {
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

/**
 * `extractDocument` (and, with `propose`, `proposeItems`) in a worker thread. Rejects with a
 * `DocumentError` for bad input, like the plain function. `onProgress` hears each stage.
 */
export function extractInWorker(
  bytes: Uint8Array,
  options: ExtractOptions & {
    propose?: WorkerJob["propose"];
    onProgress?: (stage: WorkerStage) => void;
  } = {},
): Promise<WorkerResult> {
  const { propose, onProgress, ...extract } = options;
  clearTimeout(idleTimer);
  worker ??= startWorker();
  const running = worker;
  running.ref();
  const id = nextId++;
  const result = new Promise<WorkerResult>((resolve, reject) => {
    pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
  });
  const job: WorkerJob = { id, bytes, options: extract, ...(propose ? { propose } : {}) };
  running.postMessage(job);
  const settle = () => {
    if (pending.size > 0 || worker !== running) return;
    running.unref();
    idleTimer = setTimeout(() => {
      if (worker === running && pending.size === 0) {
        worker = null;
        void running.terminate();
      }
    }, IDLE_MS);
    idleTimer.unref();
  };
  result.then(settle, settle);
  return result;
}

import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { DocumentFormat, ExtractedDocument } from "../documents/types";
import type { ProposalSet } from "../propose/types";

export interface ExtractionJob {
  bytes: Uint8Array;
  fileName?: string;
  format?: DocumentFormat;
  maxBytes: number;
  /** The id the document will be stored under: proposal ids and citations carry it. */
  documentId: string;
  title?: string;
  onProgress?: (stage: "extracting" | "proposing", fraction: number) => void;
}

export type ExtractionResult =
  | { ok: true; extracted: ExtractedDocument; proposals: ProposalSet }
  /** Bad input (lib/documents DocumentError code and its message for the user). */
  | { ok: false; code: string; message: string };

type WorkerMessage = { id: number } & (
  | { type: "progress"; stage: "extracting" | "proposing"; fraction: number }
  | { type: "done"; extracted: ExtractedDocument; proposals: ProposalSet }
  | { type: "error"; code: string; message: string }
);

interface Pending {
  resolve: (result: ExtractionResult) => void;
  reject: (error: Error) => void;
  onProgress?: ExtractionJob["onProgress"];
}

/** Found from the working directory, as lib/optimizer's worker is: Turbopack does not bundle it. */
export function extractionWorkerPath(): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "authoring", "extract.worker.mjs");
}

/** A parse that runs this long is stopped (a hostile PDF must not hold the worker). */
const JOB_TIMEOUT_MS = 60_000;
const IDLE_MS = 60_000;

let worker: Worker | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

function startWorker(): Worker {
  const started = new Worker(extractionWorkerPath());
  const fail = (error: Error) => {
    if (worker === started) worker = null;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  started.on("message", (message: WorkerMessage) => {
    const job = pending.get(message.id);
    if (!job) return;
    if (message.type === "progress") {
      job.onProgress?.(message.stage, message.fraction);
      return;
    }
    pending.delete(message.id);
    if (message.type === "done")
      job.resolve({ ok: true, extracted: message.extracted, proposals: message.proposals });
    else if (message.code === "internal") job.reject(new Error(`Extraction failed: ${message.message}`));
    else job.resolve({ ok: false, code: message.code, message: message.message });
  });
  started.on("error", fail);
  started.on("exit", (code) => fail(new Error(`The extraction worker stopped (exit code ${code})`)));
  return started;
}

function runInWorker(job: ExtractionJob): Promise<ExtractionResult> {
  clearTimeout(idleTimer);
  worker ??= startWorker();
  const running = worker;
  running.ref();
  const id = nextId++;
  // A copy with its own buffer to transfer (a Node Buffer may be a view into a shared pool).
  const bytes = new Uint8Array(job.bytes);
  const result = new Promise<ExtractionResult>((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress: job.onProgress });
  });
  const timer = setTimeout(() => {
    // Ending the worker rejects every job in it; only this one runs (jobs are queued).
    if (pending.has(id)) void running.terminate();
  }, JOB_TIMEOUT_MS);
  running.postMessage(
    {
      id,
      bytes: bytes.buffer,
      fileName: job.fileName,
      format: job.format,
      maxBytes: job.maxBytes,
      documentId: job.documentId,
      title: job.title,
    },
    [bytes.buffer],
  );
  const settle = () => {
    clearTimeout(timer);
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

// One document at a time per process: parsing keeps a core busy; the other stays for requests.
let queue: Promise<unknown> = Promise.resolve();

/** Extracts a document's text and proposes items from it in a worker thread, queued. */
export function extractInWorker(job: ExtractionJob): Promise<ExtractionResult> {
  const run = queue.then(
    () => runInWorker(job),
    () => runInWorker(job),
  );
  queue = run.catch(() => undefined);
  return run;
}

import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { CardFile } from "./card-file.mjs";
import type { Delimiter } from "./delimited.mjs";

/**
 * A file read: its cards (all, or the first `sample`) and problems, how many cards it has, and
 * the SHA-256 of its bytes; or why it is no card file.
 */
export type CardFileReading = { digest: string; file: CardFile; cardCount: number } | { refused: string };

/**
 * The worker is a plain .mjs file found from the working directory, not imported: Turbopack
 * bundles server code, so a path relative to this module would point into .next (as for the
 * optimizer's worker). `next start`, Vitest and the scripts all run from the project root.
 */
export function cardImportWorkerPath(): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "exchange", "card-import.worker.mjs");
}

type WorkerAnswer = { id: number } & (
  | { digest: string; file: CardFile; cardCount: number }
  | { refused: string }
  | { error: string }
);

interface PendingRead {
  resolve: (reading: CardFileReading) => void;
  reject: (error: Error) => void;
}

/** An idle worker is ended after this long; the next upload starts a new one (about 30 ms). */
const IDLE_MS = 60_000;

// One worker per process: it reads one file at a time, so imports take turns on one core and the
// other stays free for requests. Reading is bounded (card-file.mjs), so a turn is short.
let worker: Worker | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
const pending = new Map<number, PendingRead>();
let nextId = 1;

function startWorker(): Worker {
  const started = new Worker(cardImportWorkerPath());
  const fail = (error: Error) => {
    if (worker === started) worker = null;
    for (const read of pending.values()) read.reject(error);
    pending.clear();
  };
  started.on("message", (answer: WorkerAnswer) => {
    const read = pending.get(answer.id);
    if (!read) return;
    pending.delete(answer.id);
    if ("error" in answer) read.reject(new Error(`Reading the card file failed: ${answer.error}`));
    else read.resolve("refused" in answer ? { refused: answer.refused } : answer);
    if (pending.size === 0 && worker === started) idle(started);
  });
  started.on("error", fail);
  started.on("exit", (code) => fail(new Error(`The card import worker stopped (exit code ${code})`)));
  return started;
}

function idle(running: Worker) {
  // Let go of the process while idle (a script need not wait for it), and end it later.
  running.unref();
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (worker === running && pending.size === 0) {
      worker = null;
      void running.terminate();
    }
  }, IDLE_MS);
  idleTimer.unref();
}

/**
 * Reads a card file's bytes in the worker thread: SHA-256, UTF-8 check, cards and problems. The
 * bytes are moved to the worker, not copied (the caller must not use them afterwards). With
 * `sample`, only the first `sample` cards come back (cardCount still counts them all).
 */
export function readCardBytes(
  bytes: Uint8Array<ArrayBuffer>,
  delimiter?: Delimiter,
  sample?: number,
): Promise<CardFileReading> {
  clearTimeout(idleTimer);
  worker ??= startWorker();
  worker.ref();
  const id = nextId++;
  // Only the bytes travel: a view into a larger buffer is copied out first.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  const reading = new Promise<CardFileReading>((resolve, reject) => pending.set(id, { resolve, reject }));
  worker.postMessage({ id, bytes: own.buffer, delimiter, sample }, [own.buffer]);
  return reading;
}

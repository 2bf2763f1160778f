import "server-only";
import path from "node:path";
import { workerClient } from "@/lib/workers/worker-client";
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

// One worker per process (ended after a minute idle; a new one starts in about 30 ms): it reads
// one file at a time, so imports take turns on one core and the other stays free for requests.
// Reading is bounded (card-file.mjs), so a turn is short.
const cardImportWorker = workerClient({ name: "card import", file: cardImportWorkerPath, idleMs: 60_000 });

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
  // Only the bytes travel: a view into a larger buffer is copied out first.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  return cardImportWorker.request<CardFileReading, WorkerAnswer>({
    payload: { bytes: own.buffer, delimiter, sample },
    transfer: [own.buffer],
    onReply: (answer) => {
      if ("error" in answer) return { error: new Error(`Reading the card file failed: ${answer.error}`) };
      if ("refused" in answer) return { value: { refused: answer.refused } };
      return { value: { digest: answer.digest, file: answer.file, cardCount: answer.cardCount } };
    },
  });
}

import type { CardProposal, ProposalSet } from "../propose/types";
import { workerClient } from "../workers/worker-client";
import { DocumentError, type ExtractedDocument, type ExtractOptions } from "./types";
import { ensureDocumentWorker } from "./worker-bundle";
import type { SelectionJob, WorkerJob, WorkerReply, WorkerStage } from "./worker-protocol";

export type WorkerResult = { document: ExtractedDocument; proposals?: ProposalSet };

/**
 * One worker per process, running the .mjs that worker-bundle.ts builds from our TypeScript. An
 * idle worker is ended after five minutes; the next job starts one again (about 1 s: parsers,
 * NLP model).
 */
const documentWorker = workerClient({ name: "document", file: ensureDocumentWorker, idleMs: 5 * 60_000 });

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
  const job: Omit<WorkerJob, "id"> = { bytes, options: extract, ...(propose ? { propose } : {}) };
  return documentWorker.request<WorkerResult, WorkerReply>({
    payload: job,
    timeout: { ms: timeoutMs, error: tooLong },
    onReply: (message) => {
      if (message.type === "progress") return void onProgress?.(message.stage, message.fraction);
      if (message.type === "done") {
        return {
          value: message.proposals
            ? { document: message.document, proposals: message.proposals }
            : { document: message.document },
        };
      }
      if (message.type === "selection")
        return { error: new Error("The document worker answered a selection job") };
      return failure(message);
    },
  });
}

/**
 * `proposeFromSelection` in the worker thread: tagging the whole document for its sibling terms
 * takes a while on a long text, so it stays off the request thread like the first proposals.
 */
export async function proposeSelectionInWorker(
  selection: SelectionJob["selection"],
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<CardProposal | null> {
  const job: Omit<SelectionJob, "id"> = { selection };
  return documentWorker.request<CardProposal | null, WorkerReply>({
    payload: job,
    timeout: { ms: timeoutMs, error: tooLong },
    onReply: (message) => {
      if (message.type === "progress") return undefined;
      if (message.type === "selection") return { value: message.card };
      if (message.type === "done")
        return { error: new Error("The document worker answered an extraction job") };
      return failure(message);
    },
  });
}

const tooLong = () =>
  new DocumentError("timeout", "Reading this document took too long; try a smaller file or paste its text.");

function failure(message: Extract<WorkerReply, { type: "error" }>) {
  if (message.code) return { error: new DocumentError(message.code, message.message) };
  return { error: new Error(`Document extraction failed: ${message.message}`) };
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

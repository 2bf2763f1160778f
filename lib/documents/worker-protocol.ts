import type { CardProposal, ProposalSet } from "../propose/types";
import type { DocumentErrorCode, ExtractedDocument, ExtractOptions } from "./types";

/** What the main thread sends document.worker.mjs. */
export type WorkerJob = {
  id: number;
  bytes: Uint8Array;
  /** Functions cannot cross to the worker; progress comes back as messages. */
  options: Omit<ExtractOptions, "onProgress">;
  /** Also propose cards for the extracted text, under this document id. */
  propose?: { document: string; title?: string; seed?: number };
};

/** A card for text the author selected in a stored document's text (lib/propose proposeFromSelection). */
export type SelectionJob = {
  id: number;
  selection: { text: string; document: string; title?: string; start: number; end: number };
};

export type WorkerStage = "extracting" | "proposing";

export type WorkerReply =
  /** `fraction`: the share of the stage done, 0–1, when the stage reports it. */
  | { id: number; type: "progress"; stage: WorkerStage; fraction?: number }
  | { id: number; type: "done"; document: ExtractedDocument; proposals?: ProposalSet }
  | { id: number; type: "selection"; card: CardProposal | null }
  /** `code` is null for an unexpected failure (a bug), which callers should not show as is. */
  | { id: number; type: "error"; code: DocumentErrorCode | null; message: string };

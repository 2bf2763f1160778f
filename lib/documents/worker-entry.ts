// The document worker (bundled to lib/generated/document.worker.mjs by worker-bundle.ts):
// extraction and proposals in a worker thread, so parsing a PDF or tagging 3,000 words never
// blocks requests.
// Jobs: {id, bytes, options, propose?} or {id, selection} in;
// {id, type: "progress" | "done" | "selection" | "error", ...} out.
import { parentPort } from "node:worker_threads";
import { proposeItems } from "../propose";
import { proposeFromSelection } from "../propose/selection";
import { extractDocument } from "./extract";
import { DocumentError } from "./types";
import type { SelectionJob, WorkerJob, WorkerReply } from "./worker-protocol";

const port = parentPort;
if (!port) throw new Error("document.worker.mjs runs in a worker thread only");

port.on("message", async (job: WorkerJob | SelectionJob) => {
  const reply = (message: WorkerReply) => port.postMessage(message);
  try {
    if ("selection" in job) {
      const { text, document, title, start, end } = job.selection;
      const card = proposeFromSelection({ text, document, ...(title ? { title } : {}) }, { start, end });
      return reply({ id: job.id, type: "selection", card });
    }
    reply({ id: job.id, type: "progress", stage: "extracting" });
    const document = await extractDocument(job.bytes, {
      ...job.options,
      onProgress: (fraction) => reply({ id: job.id, type: "progress", stage: "extracting", fraction }),
    });
    if (!job.propose) return reply({ id: job.id, type: "done", document });
    reply({ id: job.id, type: "progress", stage: "proposing" });
    const proposals = proposeItems(
      { document: job.propose.document, title: job.propose.title ?? document.title, text: document.text },
      { seed: job.propose.seed ?? 1 },
    );
    reply({ id: job.id, type: "done", document, proposals });
  } catch (error) {
    if (error instanceof DocumentError) {
      reply({ id: job.id, type: "error", code: error.code, message: error.message });
    } else {
      reply({
        id: job.id,
        type: "error",
        code: null,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
});

// Extraction and proposals off the request thread. lib/documents and lib/propose are TypeScript
// that Turbopack does not bundle into a worker, so the worker loads them through tsx's loader
// (a dependency `npm start` already runs on). One message in, progress and one result out.
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const [{ extractDocument }, { proposeItems }] = await Promise.all([
  tsImport("../documents/index.ts", import.meta.url),
  tsImport("../propose/index.ts", import.meta.url),
]);

parentPort.on("message", async (job) => {
  const progress = (stage, fraction) =>
    parentPort.postMessage({ id: job.id, type: "progress", stage, fraction });
  try {
    progress("extracting", 0.1);
    const extracted = await extractDocument(new Uint8Array(job.bytes), {
      fileName: job.fileName,
      format: job.format,
      maxBytes: job.maxBytes,
      onProgress: (fraction) => progress("extracting", 0.1 + 0.6 * fraction),
    });
    progress("proposing", 0.7);
    const proposals = proposeItems({ document: job.documentId, title: job.title, text: extracted.text });
    parentPort.postMessage({ id: job.id, type: "done", extracted, proposals });
  } catch (error) {
    // lib/documents' DocumentError, told by name: tsx may load its class twice (ESM and CJS).
    const known = error?.name === "DocumentError" && typeof error.code === "string";
    parentPort.postMessage({
      id: job.id,
      type: "error",
      code: known ? error.code : "internal",
      message: known ? error.message : String(error?.stack ?? error),
    });
  }
});

// `npm run build:document-worker`: writes lib/generated/document.worker.mjs ahead of time. Optional:
// extractInWorker builds it on first use in each process anyway (lib/documents/worker-bundle.ts).
import { ensureDocumentWorker } from "../lib/documents/worker-bundle";
import { runScript } from "./run-script";

runScript(async () => {
  console.log(`wrote ${await ensureDocumentWorker()}`);
});

// `npm run build:document-worker`: bundles lib/documents/worker-entry.ts (our TypeScript) into
// lib/documents/document.worker.mjs, a file Node can start as a worker under `next start`.
// npm packages stay imports (resolved from node_modules at run time). The bundle is committed;
// lib/documents/run-in-worker.test.ts fails when it is out of date with its sources.
import { writeFile } from "node:fs/promises";
import { documentWorkerBundle } from "../lib/documents/worker-bundle";
import { runScript } from "./run-script";

runScript(async () => {
  await writeFile("lib/documents/document.worker.mjs", await documentWorkerBundle());
  console.log("wrote lib/documents/document.worker.mjs");
});

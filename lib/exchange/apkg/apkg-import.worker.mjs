// Reads uploaded Anki packages in a worker thread: unzipping and reading a SQLite collection of
// thousands of notes must not hold the server's event loop. Plain JavaScript on purpose, like
// card-import.worker.mjs: `next start` runs bundled code, a worker needs a real file on disk.
// {id, bytes, options} in; {id, digest, ...PackageContents} or {id, refused} or {id, error} out.
import { createHash } from "node:crypto";
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { readPackage } from "./package-read.mjs";

// On Linux, this thread yields the CPU to the server's own thread when both want it (nice 10).
try {
  setPriority(Number(readlinkSync("/proc/thread-self").split("/").at(-1)), 10);
} catch {
  // Not Linux, or not allowed: fine.
}

parentPort?.on("message", (job) => {
  try {
    const bytes = new Uint8Array(job.bytes);
    const digest = createHash("sha256").update(bytes).digest("hex");
    const reading = readPackage(bytes, job.options);
    // The pictures' bytes move to the server thread rather than being copied.
    const transfer = "media" in reading ? reading.media.pictures.map((picture) => picture.bytes.buffer) : [];
    parentPort?.postMessage({ id: job.id, digest, ...reading }, transfer);
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: String(error?.message ?? error) });
  }
});

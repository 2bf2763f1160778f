// Reads uploaded card files in a worker thread, so a large or hostile file never holds the
// server's event loop (issue 13: a 5 MB file once took 23 s on the request thread). Plain
// JavaScript on purpose: `next start` runs bundled server code, and a worker needs a real file on
// disk that Node can load as is (see card-reader.ts). One worker reads file after file:
// {id, bytes, delimiter, sample?} in, {id, digest, file, cardCount} or {id, refused} or {id, error} out.
import { createHash } from "node:crypto";
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { readCardFile } from "./card-file.mjs";

// On Linux, this thread yields the CPU to the server's own thread when both want it (nice 10).
try {
  setPriority(Number(readlinkSync("/proc/thread-self").split("/").at(-1)), 10);
} catch {
  // Not Linux, or not allowed: fine.
}

/**
 * @param {Uint8Array} bytes
 * @param {import("./delimited.mjs").Delimiter | undefined} delimiter
 * @param {number | undefined} sample Send back only this many cards (a preview needs no more).
 */
function readUpload(bytes, delimiter, sample) {
  const digest = createHash("sha256").update(bytes).digest("hex");
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { refused: "The file is not UTF-8 text. Save it as CSV (UTF-8) and try again." };
  }
  if (text.includes("\u0000")) return { refused: "This is not a text file. Choose a CSV or TSV file." };
  const file = readCardFile(text, delimiter);
  const cardCount = file.cards.length;
  // Copying 5,000 cards back costs the server's thread time; a preview shows a few.
  if (sample !== undefined) file.cards = file.cards.slice(0, sample);
  return { digest, file, cardCount };
}

parentPort?.on("message", (job) => {
  try {
    parentPort?.postMessage({
      id: job.id,
      ...readUpload(new Uint8Array(job.bytes), job.delimiter, job.sample),
    });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: String(error?.message ?? error) });
  }
});

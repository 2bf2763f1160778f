import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { CARD_IMAGE_LIMITS } from "@/lib/images/image-type";
import type { PackageReading } from "./package-read.mjs";

export type PackageFileReading = PackageReading & { digest?: string };

type Answer = { id: number } & (({ digest: string } & PackageReading) | { error: string });

// Packages are read one at a time per process: each read may hold a 160 MB collection in memory.
let queue: Promise<unknown> = Promise.resolve();

export function readPackageBytes(
  bytes: Uint8Array<ArrayBuffer>,
  timeoutMs = 60_000,
): Promise<PackageFileReading> {
  const turn = queue.then(() => readInWorker(bytes, timeoutMs));
  queue = turn.catch(() => undefined);
  return turn;
}

/**
 * A thin client of the .apkg worker (apkg-import.worker.mjs), started per package and ended after
 * it: imports are rare, a worker starts in about 30 ms, and a crashed or stuck read takes nothing
 * else down. The path is found from the working directory, as for the card import's worker.
 */
function readInWorker(bytes: Uint8Array<ArrayBuffer>, timeoutMs = 60_000): Promise<PackageFileReading> {
  const worker = new Worker(
    path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "exchange", "apkg", "apkg-import.worker.mjs"),
  );
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  return new Promise<PackageFileReading>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error("Reading the package took too long"));
      void worker.terminate();
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.once("message", (answer: Answer) => {
      finish();
      if ("error" in answer) reject(new Error(`Reading the package failed: ${answer.error}`));
      else {
        const { id: _id, ...reading } = answer;
        resolve(reading);
      }
    });
    worker.once("error", (error) => {
      finish();
      reject(error);
    });
    const options = { maxPictureFileBytes: CARD_IMAGE_LIMITS.maxBytes };
    worker.postMessage({ id: 1, bytes: own.buffer, options }, [own.buffer]);
  });
}

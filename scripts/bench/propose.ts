import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { extractDocument } from "@/lib/documents";
import { extractInWorker, prepareDocumentWorker } from "@/lib/documents/run-in-worker";
import { proposeItems } from "@/lib/propose";
import { percentiles } from "./stats";

/**
 * A document of about `words` words made of the five source documents (prose, lists, study
 * lists and comparison tables), cut at a line end.
 */
async function benchDocument(words: number): Promise<string> {
  const folder = path.join(process.cwd(), "content", "sources");
  const bodies = await Promise.all(
    (await readdir(folder))
      .filter((name) => name.endsWith(".md"))
      .sort()
      .map(async (name) =>
        (await readFile(path.join(folder, name), "utf8")).replace(/^---\n[\s\S]*?\n---\n/, ""),
      ),
  );
  const lines: string[] = [];
  let count = 0;
  for (const line of bodies.join("\n\n").split("\n")) {
    if (count >= words) break;
    lines.push(line);
    count += line.split(/\s+/).filter(Boolean).length;
  }
  return lines.join("\n");
}

/**
 * Server time to turn an uploaded ~3,000-word Markdown document into proposals: extraction
 * (normalize, checksum, language check) plus proposals. The first run includes loading the
 * wink-nlp English model (once per process or worker); the rest are warm.
 */
export async function benchPropose(runs = 10) {
  const markdown = await benchDocument(3000);
  const bytes = new TextEncoder().encode(markdown);
  const once = async () => {
    const started = performance.now();
    const doc = await extractDocument(bytes, { fileName: "bench.md" });
    const set = proposeItems({ document: "bench", text: doc.text });
    return {
      ms: performance.now() - started,
      words: doc.words,
      proposals: set.cards.length + set.quiz.length,
    };
  };
  const cold = await once();
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push((await once()).ms);
  // The way the app runs it: in the document worker (first job builds and starts the worker).
  const inWorker = async () => {
    const started = performance.now();
    await extractInWorker(bytes, { fileName: "bench.md", propose: { document: "bench" } });
    return performance.now() - started;
  };
  const workerCold = await inWorker();
  // With prepareDocumentWorker() called ahead (a fresh worker after the idle timeout is the same).
  await prepareDocumentWorker();
  const workerWarm: number[] = [];
  for (let i = 0; i < runs; i++) workerWarm.push(await inWorker());
  return {
    words: cold.words,
    proposals: cold.proposals,
    coldMs: cold.ms,
    warm: percentiles(warm),
    workerColdMs: workerCold,
    workerWarm: percentiles(workerWarm),
  };
}

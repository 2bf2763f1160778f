import { performance } from "node:perf_hooks";
import { percentiles } from "./stats";
import { insertBenchDeck, insertHistory } from "./synthetic-history";

/**
 * .apkg export of a 5,000-card deck with 50,000 reviews of one learner (read, build the SQLite
 * collection in a temporary file, zip), in process; and, for scale, the import of that package.
 */
export async function benchApkg(url: string) {
  const { createUser } = await import("@/lib/data/users");
  const { exportDeckPackage } = await import("@/lib/data/apkg/export");
  const { importPackage } = await import("@/lib/data/apkg/import");
  const { db } = await import("@/lib/db");
  const user = await createUser({
    name: "Bench",
    email: "apkg@bench.example",
    password: "bench-password",
    role: "learner",
  });
  const reader = await createUser({
    name: "Reader",
    email: "apkg-reader@bench.example",
    password: "bench-password",
    role: "learner",
  });
  const now = new Date();
  const cards = await insertBenchDeck(url, "apkg", 5000);
  await insertHistory(url, user.id, cards, 10, now);
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  let bytes: Uint8Array = new Uint8Array();
  for (let i = 0; i < 6; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const exported = await exportDeckPackage(user.id, "apkg", now);
    samples.push(performance.now() - start);
    // CPU time of the whole process (zlib's pool included): what the export costs without other load.
    const used = process.cpuUsage(cpu);
    cpuSamples.push((used.user + used.system) / 1000);
    if (!exported) throw new Error("The bench deck is not visible");
    bytes = exported.bytes;
  }
  const started = performance.now();
  const imported = await importPackage(
    reader.id,
    {
      name: "bench.apkg",
      size: bytes.byteLength,
      bytes: async () => new Uint8Array(bytes) as Uint8Array<ArrayBuffer>,
    },
    undefined,
    now,
  );
  const importMs = performance.now() - started;
  await db.$disconnect();
  return {
    ...percentiles(samples.slice(1)),
    firstMs: samples[0],
    cpuP50: percentiles(cpuSamples.slice(1)).p50,
    cards: cards.length,
    reviews: cards.length * 10,
    packageBytes: bytes.byteLength,
    importMs,
    importedCards: imported.cards,
    importedReviews: imported.reviews,
  };
}

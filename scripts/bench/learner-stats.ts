import { performance } from "node:perf_hooks";
import { percentiles } from "./stats";
import { benchLearnerWithHistory } from "./synthetic-history";

/** The statistics page's data for a learner with 20,000 cards and 200,000 review logs (in process). */
export async function benchLearnerStats(url: string) {
  const { getLearnerStats } = await import("@/lib/data/stats");
  const { db } = await import("@/lib/db");
  const now = new Date();
  const { userId, cards, logs } = await benchLearnerWithHistory(url, "stats", now);
  const samples: number[] = [];
  for (let i = 0; i < 25; i++) {
    const start = performance.now();
    await getLearnerStats(userId, now);
    samples.push(performance.now() - start);
  }
  await db.$disconnect();
  return { ...percentiles(samples.slice(5)), cards, logs };
}

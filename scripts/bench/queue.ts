import { performance } from "node:perf_hooks";
import { percentiles } from "./stats";
import { benchLearnerWithHistory } from "./synthetic-history";

/** Building a learner's queue with 20,000 cards and 200,000 review logs (server time, in process). */
export async function benchQueue(url: string) {
  const { getStudySession } = await import("@/lib/data/study");
  const { db } = await import("@/lib/db");
  const now = new Date();
  const { userId, cards, logs } = await benchLearnerWithHistory(url, "queue", now);
  const samples: number[] = [];
  let queued = 0;
  for (let i = 0; i < 40; i++) {
    const start = performance.now();
    const session = await getStudySession(userId, { deck: null, cardIds: null }, now);
    samples.push(performance.now() - start);
    queued = session.cards.length;
  }
  await db.$disconnect();
  return { ...percentiles(samples.slice(5)), queued, cards, logs };
}

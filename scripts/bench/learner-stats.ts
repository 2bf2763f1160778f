import { performance } from "node:perf_hooks";
import { percentiles } from "./stats";
import { insertBenchDeck, insertHistory } from "./synthetic-history";

/** The statistics page's data for a learner with 20,000 cards and 200,000 review logs (in process). */
export async function benchLearnerStats(url: string) {
  const { createUser } = await import("@/lib/data/users");
  const { getLearnerStats } = await import("@/lib/data/stats");
  const { db } = await import("@/lib/db");
  const user = await createUser({
    name: "Bench",
    email: "stats@bench.example",
    password: "bench-password",
    role: "learner",
  });
  const now = new Date();
  const cards = await insertBenchDeck(url, "stats", 20_000);
  await insertHistory(url, user.id, cards, 10, now);
  const samples: number[] = [];
  for (let i = 0; i < 25; i++) {
    const start = performance.now();
    await getLearnerStats(user.id, now);
    samples.push(performance.now() - start);
  }
  await db.$disconnect();
  return { ...percentiles(samples.slice(5)), cards: cards.length, logs: cards.length * 10 };
}

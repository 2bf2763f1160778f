import { performance } from "node:perf_hooks";
import { percentiles } from "./stats";
import { insertBenchDeck, insertHistory } from "./synthetic-history";

/** Building a learner's queue with 20,000 cards and 200,000 review logs (server time, in process). */
export async function benchQueue(url: string) {
  const { createUser } = await import("@/lib/data/users");
  const { getStudySession } = await import("@/lib/data/study");
  const { db } = await import("@/lib/db");
  const user = await createUser({
    name: "Bench",
    email: "queue@bench.example",
    password: "bench-password",
    role: "learner",
  });
  const now = new Date();
  const cards = await insertBenchDeck(url, "queue", 20_000);
  await insertHistory(url, user.id, cards, 10, now);
  const samples: number[] = [];
  let queued = 0;
  for (let i = 0; i < 40; i++) {
    const start = performance.now();
    const session = await getStudySession(user.id, { deck: null, cardIds: null }, now);
    samples.push(performance.now() - start);
    queued = session.cards.length;
  }
  await db.$disconnect();
  return { ...percentiles(samples.slice(5)), queued, cards: cards.length, logs: cards.length * 10 };
}

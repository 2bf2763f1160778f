import { performance } from "node:perf_hooks";
import { seedDatabase } from "@/lib/seed";
import { signIn, startServer } from "./server";
import { percentiles } from "./stats";
import { insertBenchDeck } from "./synthetic-history";

/**
 * Review submits against the production server: `learners` concurrent learners, each
 * answering its own cards back to back for `seconds`, with the version the server returned.
 */
export async function benchReviewSubmit(url: string, { learners = 20, seconds = 20 } = {}) {
  await seedDatabase({ demo: false, url });
  const cards = insertBenchDeck(url, "submit", 4000);
  const { createUser } = await import("@/lib/data/users");
  const users = [];
  for (let i = 0; i < learners; i++) {
    const email = `learner${i}@bench.example`;
    await createUser({ name: `Learner ${i}`, email, password: "bench-password", role: "learner" });
    users.push(email);
  }
  const server = await startServer(url);
  try {
    const cookies = await Promise.all(users.map((email) => signIn(server.baseUrl, email, "bench-password")));
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      cookies.map(async (cookie, learner) => {
        const versions = new Map<string, number>();
        let i = 0;
        while (performance.now() < end) {
          const cardId = cards[(learner * 97 + i++) % cards.length] as string;
          const started = performance.now();
          const response = await fetch(`${server.baseUrl}/api/reviews`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie },
            body: JSON.stringify({
              idempotencyKey: crypto.randomUUID(),
              cardId,
              rating: 3,
              expectedVersion: versions.get(cardId) ?? 0,
              answeredAt: Date.now(),
              durationMs: 2000,
            }),
          });
          const body = (await response.json()) as { version?: number };
          latencies.push(performance.now() - started);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (body.version !== undefined) versions.set(cardId, body.version);
        }
      }),
    );
    const ok = statuses.get(200) ?? 0;
    return {
      ...percentiles(latencies),
      perSecond: ok / seconds,
      statuses: Object.fromEntries(statuses),
      learners,
    };
  } finally {
    await server.stop();
  }
}

import http from "node:http";
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
  const cards = await insertBenchDeck(url, "submit", 4000);
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
    const cardFor = (learner: number, i: number) => cards[(learner * 97 + i) % cards.length] as string;
    // Closed loop: each learner sends its next answer as soon as the last one is acknowledged.
    const saturated = await runLearners([server.baseUrl], cookies, cardFor, seconds, 0);
    // Paced: each learner answers about once a second, as people studying do.
    const paced = await runLearners(
      [server.baseUrl],
      cookies,
      (l, i) => cardFor(l + learners, i),
      seconds,
      1000,
    );
    return { learners, seconds, saturated, paced };
  } finally {
    await server.stop();
  }
}

export interface LoadResult {
  perSecond: number;
  statuses: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
}

/**
 * One keep-alive connection per learner over node:http, so the load generator stays light.
 * With several servers, learner i sends to server i mod n (what a round-robin balancer does).
 */
export async function runLearners(
  baseUrls: string[],
  cookies: string[],
  cardFor: (learner: number, i: number) => string,
  seconds: number,
  pauseMs: number,
  /** Each answer's start (performance.now()) and latency, for benches that sort them by time. */
  onAnswer?: (startedAt: number, ms: number) => void,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: cookies.length });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    cookies.map(async (cookie, learner) => {
      const versions = new Map<string, number>();
      // Spread the paced learners over the first second instead of starting in step.
      if (pauseMs) await sleep((learner / cookies.length) * pauseMs);
      for (let i = 0; performance.now() < end; i++) {
        const cardId = cardFor(learner, i);
        const body = JSON.stringify({
          idempotencyKey: crypto.randomUUID(),
          cardId,
          rating: 3,
          expectedVersion: versions.get(cardId) ?? 0,
          answeredAt: Date.now(),
          durationMs: 2000,
        });
        const started = performance.now();
        const baseUrl = baseUrls[learner % baseUrls.length] as string;
        const { status, json } = await post(`${baseUrl}/api/reviews`, cookie, body, agent);
        const took = performance.now() - started;
        latencies.push(took);
        onAnswer?.(started, took);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        const version = (json as { version?: number }).version;
        if (version !== undefined) versions.set(cardId, version);
        if (pauseMs) await sleep(Math.max(0, pauseMs * (0.5 + Math.random()) - took));
      }
    }),
  );
  agent.destroy();
  return {
    ...percentiles(latencies),
    perSecond: (statuses.get(200) ?? 0) / seconds,
    statuses: Object.fromEntries(statuses),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function post(url: string, cookie: string, body: string, agent: http.Agent) {
  return new Promise<{ status: number; json: unknown }>((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), cookie },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: response.statusCode ?? 0, json: text ? JSON.parse(text) : {} });
        });
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

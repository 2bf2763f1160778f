import { performance } from "node:perf_hooks";
import { type Database, openQuery } from "@/lib/query";
import { parseSqlDate } from "@/lib/query/values";
import { seedDatabase } from "@/lib/seed";
import { writeSyntheticHistory } from "../../test/synthetic-history";
import { runLearners } from "./reviews";
import { signIn, startServer } from "./server";
import { percentiles } from "./stats";
import { insertBenchDeck } from "./synthetic-history";

const PASSWORD = "bench-password";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One optimization, started as the settings page starts it. Its end is watched in the database
 * (every 20 ms, from this process), so the next can start at once without the server answering
 * polls the page would send only every 400 ms; its duration is the job row's, creation to done.
 */
async function optimizeOnce(
  baseUrl: string,
  cookie: string,
  db: Database,
): Promise<{ ms: number; reviews: number }> {
  const response = await fetch(`${baseUrl}/api/parameters/jobs`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ scope: "personal" }),
  });
  if (response.status !== 202) throw new Error(`Starting the optimization failed (${response.status})`);
  const { jobId } = (await response.json()) as { jobId: string };
  for (;;) {
    await sleep(20);
    const job = await db
      .selectFrom("OptimizationJob")
      .select(["status", "error", "reviewCount", "createdAt", "updatedAt"])
      .where("id", "=", jobId)
      .executeTakeFirst();
    if (!job) throw new Error("The job row is missing");
    if (job.status === "failed") throw new Error(`The optimization failed: ${job.error}`);
    if (job.status !== "done") continue;
    const ms = parseSqlDate(job.updatedAt).getTime() - parseSqlDate(job.createdAt).getTime();
    return { ms, reviews: Number(job.reviewCount ?? 0) };
  }
}

/**
 * Optimizing a learner's parameters on 10,000 reviews of 1,000 cards through the production
 * server, alone and while `learners` other learners submit reviews about once a second: the p95
 * of the answers that overlapped an optimization against that of the others (the issue's
 * budget: under 2x).
 */
export async function benchOptimizer(url: string, { learners = 20, seconds = 40 } = {}) {
  await seedDatabase({ demo: false, url });
  const own = await insertBenchDeck(url, "optimize", 1000);
  const cards = await insertBenchDeck(url, "submit", 4000);
  const { createUser } = await import("@/lib/data/users");
  const optimizer = await createUser({
    name: "Optimizer",
    email: "optimizer@bench.example",
    password: PASSWORD,
    role: "learner",
  });
  const { db, close } = openQuery(url);
  const { reviews } = await writeSyntheticHistory(db, optimizer.id, own, {
    answersPerCard: 10,
    now: new Date(),
  });
  const users: string[] = [];
  for (let i = 0; i < learners; i++) {
    const email = `learner${i}@bench.example`;
    await createUser({ name: `Learner ${i}`, email, password: PASSWORD, role: "learner" });
    users.push(email);
  }

  const server = await startServer(url);
  try {
    const base = server.baseUrl;
    const owner = await signIn(base, "optimizer@bench.example", PASSWORD);
    const cookies = await Promise.all(users.map((email) => signIn(base, email, PASSWORD)));
    const cardFor = (offset: number) => (learner: number, i: number) =>
      cards[((learner + offset) * 97 + i) % cards.length] as string;

    await optimizeOnce(base, owner, db); // warm-up: first worker start, first compile of the routes
    const alone: number[] = [];
    let used = 0;
    for (let i = 0; i < 5; i++) {
      const run = await optimizeOnce(base, owner, db);
      alone.push(run.ms);
      used = run.reviews;
    }

    // One run of paced answers; meanwhile an optimization starts about every 0.6 s (each one
    // alone, as when learners optimize now and then). Answers are then sorted by whether they
    // overlapped an optimization: both groups share the same minutes, so whatever else the
    // machine does weighs on both alike.
    const answers: { at: number; ms: number }[] = [];
    const windows: { from: number; to: number }[] = [];
    const during: number[] = [];
    let running = true;
    const optimizing = (async () => {
      await sleep(1000);
      while (running) {
        const from = performance.now();
        during.push((await optimizeOnce(base, owner, db)).ms);
        windows.push({ from, to: performance.now() });
        await sleep(400 + Math.random() * 200);
      }
    })();
    await runLearners([base], cookies, cardFor(0), seconds, 1000, (at, ms) => answers.push({ at, ms }));
    running = false;
    await optimizing;
    const overlaps = (a: { at: number; ms: number }) =>
      windows.some((w) => a.at < w.to && a.at + a.ms > w.from);
    const busy = answers.filter(overlaps).map((a) => a.ms);
    const idle = answers.filter((a) => !overlaps(a)).map((a) => a.ms);
    const idleStats = percentiles(idle);
    const busyStats = percentiles(busy);
    return {
      reviews,
      reviewsUsed: used,
      cards: own.length,
      learners,
      seconds,
      optimize: percentiles(alone),
      optimizeUnderLoad: percentiles(during),
      idle: idleStats,
      during: busyStats,
      p95Ratio: busyStats.p95 / idleStats.p95,
    };
  } finally {
    await server.stop();
    await close();
  }
}

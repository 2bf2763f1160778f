import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { seedDatabase } from "@/lib/seed";
import { type LoadResult, runLearners } from "./reviews";
import { type RunningServer, signIn, startServer } from "./server";
import { insertBenchDeck } from "./synthetic-history";

const LEARNERS = 50;
const SECONDS = 20;
const CARDS = 4000;

/** CPU seconds a process has used so far (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks
  } catch {
    return 0;
  }
}

/** Every PostgreSQL server process (backends included), by command name. */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim().startsWith("postgres"))
        total += cpuSeconds(Number(pid));
    } catch {
      // the process ended
    }
  }
  return total;
}

interface Configuration {
  name: string;
  instances: number;
  load: LoadResult;
  /** Share of the measured wall time each part kept one core busy (1 = a full core). */
  cores: { app: number[]; postgres: number; loadGenerator: number };
}

async function measure(database: string, url: string, instances: number): Promise<Configuration> {
  const name = `${database}, ${instances} instance${instances > 1 ? "s" : ""}`;
  await seedDatabase({ demo: false, url });
  const cards = await insertBenchDeck(url, "scale", CARDS);
  const { createUser } = await import("@/lib/data/users");
  const emails: string[] = [];
  for (let i = 0; i < LEARNERS; i++) {
    const email = `scale${i}@bench.example`;
    await createUser({ name: `Learner ${i}`, email, password: "bench-password", role: "learner" });
    emails.push(email);
  }
  const servers: RunningServer[] = [];
  try {
    for (let i = 0; i < instances; i++) servers.push(await startServer(url));
    const urls = servers.map((s) => s.baseUrl);
    const cookies = await Promise.all(
      emails.map((email, i) => signIn(urls[i % urls.length] as string, email, "bench-password")),
    );
    const cardFor = (learner: number, i: number) => cards[(learner * 79 + i) % cards.length] as string;
    // A short warm-up, so compilation and connection pools are not part of the figure.
    await runLearners(urls, cookies, (l, i) => cardFor(l, i + 10_000), 3, 0);
    const app0 = servers.map((s) => cpuSeconds(s.process.pid ?? 0));
    const pg0 = postgresCpuSeconds();
    const self0 = process.cpuUsage();
    const started = performance.now();
    const load = await runLearners(urls, cookies, cardFor, SECONDS, 0);
    const wall = (performance.now() - started) / 1000;
    const self = process.cpuUsage(self0);
    return {
      name,
      instances,
      load,
      cores: {
        app: servers.map((s, i) => (cpuSeconds(s.process.pid ?? 0) - (app0[i] ?? 0)) / wall),
        postgres: url.startsWith("file:") ? 0 : (postgresCpuSeconds() - pg0) / wall,
        loadGenerator: (self.user + self.system) / 1e6 / wall,
      },
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/**
 * Review submits from 50 learners sending back to back against one configuration: SQLite with
 * one instance, PostgreSQL with one, PostgreSQL with two (learners split between them, as a
 * round-robin balancer would), with the CPU each part used, to show where the limit is.
 * Each configuration runs in its own process (scripts/bench/run-one.ts): the app's database
 * clients are per-process singletons.
 */
export function benchScaleOut(instances: number) {
  return (url: string) => measure(url.startsWith("file:") ? "SQLite" : "PostgreSQL", url, instances);
}

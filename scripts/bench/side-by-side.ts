import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { sqlitePath } from "@/lib/database-url";
import { seedDatabase } from "@/lib/seed";
import { freePort } from "../../e2e/free-port";
import { type LoadResult, runLearners } from "./reviews";
import { profileFlags, signIn, startServer } from "./server";
import { insertBenchDeck } from "./synthetic-history";

const LEARNERS = 50;
const CARDS = 8000;

/** CPU seconds (user + system) of a process and its descendants so far, from /proc. */
function treeCpuSeconds(root: number): number {
  const parents = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      parents.set(Number(entry), Number(fields[1]));
      cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // the process ended
    }
  }
  let total = 0;
  const visit = (pid: number) => {
    total += cpu.get(pid) ?? 0;
    for (const [child, parent] of parents) if (parent === pid) visit(child);
  };
  visit(root);
  return total;
}

/**
 * Builds scripts/bench/minimal-route (one route handler, raw better-sqlite3, no auth) in a temp
 * dir beside a link to this project's node_modules: it is never part of the app's build.
 */
function buildMinimalRoute(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "retain-minimal-route-"));
  cpSync(path.join(process.cwd(), "scripts", "bench", "minimal-route"), dir, { recursive: true });
  symlinkSync(path.join(process.cwd(), "node_modules"), path.join(dir, "node_modules"), "dir");
  console.error("Building the minimal route for the side-by-side bench…");
  const next = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const result = spawnSync(process.execPath, [next, "build"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("Building the minimal route failed; see the output above.");
  return dir;
}

async function startMinimal(dir: string, databasePath: string) {
  const port = freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const next = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const child: ChildProcess = spawn(
    process.execPath,
    [...profileFlags(), next, "start", "--port", String(port)],
    {
      cwd: dir,
      env: {
        ...process.env,
        DATABASE_PATH: databasePath,
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      // No cookie: the route answers 401 without touching the database.
      if ((await fetch(`${baseUrl}/api/reviews`, { method: "POST" })).status === 401) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("The minimal route did not start within 60 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export interface SideRun {
  server: "retain" | "minimal";
  connections: number;
  round: number;
  perSecond: number;
  p95: number;
  statuses: Record<string, number>;
  /** Server CPU (process tree) per answered review. */
  cpuMsPerReview: number;
}

/**
 * Retain's POST /api/reviews against the minimal route (scripts/bench/minimal-route), each on
 * its own copy of the same seeded SQLite database, in interleaved rounds (the order flips every
 * round) at each connection count: closed-loop learners, one keep-alive connection each.
 */
export async function benchSideBySide(
  url: string,
  { rounds = 3, seconds = 10, connections = [10, 50] } = {},
) {
  await seedDatabase({ demo: false, url });
  const cards = await insertBenchDeck(url, "submit", CARDS);
  const { createUser } = await import("@/lib/data/users");
  const users: { id: string; email: string }[] = [];
  for (let i = 0; i < LEARNERS; i++) {
    const email = `learner${i}@bench.example`;
    const user = await createUser({
      name: `Learner ${i}`,
      email,
      password: "bench-password",
      role: "learner",
    });
    users.push({ id: user.id, email });
  }
  // The same data for the minimal route, in its own file: neither server waits on the other's lock.
  const minimalDb = path.join(path.dirname(sqlitePath(url)), "minimal.db");
  const source = new Database(sqlitePath(url));
  source.exec(`VACUUM INTO '${minimalDb}'`);
  source.close();

  const dir = buildMinimalRoute();
  const retain = await startServer(url);
  const minimal = await startMinimal(dir, minimalDb);
  try {
    const cookies = {
      retain: await Promise.all(users.map((u) => signIn(retain.baseUrl, u.email, "bench-password"))),
      minimal: users.map((u) => `uid=${u.id}`),
    };
    // Every answer goes to a card this learner has not answered on that server yet (version 0).
    const used = { retain: new Array(LEARNERS).fill(0), minimal: new Array(LEARNERS).fill(0) };
    const servers = { retain, minimal };
    const runs: SideRun[] = [];
    for (let round = 1; round <= rounds; round++) {
      for (const count of connections) {
        const order = (
          round % 2 === 1 ? ["retain", "minimal"] : ["minimal", "retain"]
        ) as (keyof typeof servers)[];
        for (const name of order) {
          const server = servers[name];
          const pid = server.process.pid as number;
          const cpuBefore = treeCpuSeconds(pid);
          const load: LoadResult = await runLearners(
            [server.baseUrl],
            cookies[name].slice(0, count),
            (learner) => cards[(learner * 151 + used[name][learner]++) % cards.length] as string,
            seconds,
            0,
          );
          const cpu = treeCpuSeconds(pid) - cpuBefore;
          const reviews = load.perSecond * seconds;
          runs.push({
            server: name,
            connections: count,
            round,
            perSecond: load.perSecond,
            p95: load.p95,
            statuses: load.statuses,
            cpuMsPerReview: reviews > 0 ? (cpu * 1000) / reviews : Number.NaN,
          });
        }
      }
    }
    return { learners: LEARNERS, seconds, rounds, runs };
  } finally {
    await retain.stop();
    await minimal.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

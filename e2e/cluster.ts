import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { createProxyServer } from "http-proxy-3";
import { createDatabase, dropDatabase } from "../lib/query/postgres-admin";
import { freePort } from "./free-port";

/**
 * Two production instances of the app (the build `npm start` made for the main e2e server)
 * over one fresh PostgreSQL database, behind a round-robin reverse proxy on loopback.
 */
export interface Cluster {
  baseURL: string;
  databaseUrl: string;
  /** Requests each instance served, by port. */
  served: Map<number, number>;
  stop(): Promise<void>;
}

const SECRET = "cluster-secret-that-is-long-enough-for-jwt-signing";

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not become healthy in ${timeoutMs} ms`);
}

export async function startCluster(serverUrl: string): Promise<Cluster> {
  const databaseUrl = await createDatabase(serverUrl, "retain_e2e_cluster");
  const env = { ...process.env, DATABASE_URL: databaseUrl, SEED_DEMO: "0", NEXT_TELEMETRY_DISABLED: "1" };
  // Migrations and content run once, before the instances start (as docs/deploy.md says).
  const seeded = spawnSync(
    process.execPath,
    [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/seed.ts"],
    {
      env,
      encoding: "utf8",
    },
  );
  if (seeded.status !== 0) throw new Error(`Seeding the cluster database failed:\n${seeded.stderr}`);

  const proxyPort = freePort();
  const baseURL = `http://127.0.0.1:${proxyPort}`;
  const ports = [freePort(), freePort()];
  const next = path.join("node_modules", "next", "dist", "bin", "next");
  const instances: ChildProcess[] = ports.map((port) =>
    spawn(process.execPath, [next, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
      env: { ...env, AUTH_SECRET: SECRET, NEXTAUTH_URL: baseURL },
      stdio: ["ignore", "ignore", "inherit"],
    }),
  );

  const served = new Map(ports.map((port) => [port, 0]));
  const proxy = createProxyServer({ xfwd: true });
  let turn = 0;
  const server = http.createServer((req, res) => {
    const port = ports[turn++ % ports.length] as number;
    served.set(port, (served.get(port) ?? 0) + 1);
    proxy.web(req, res, { target: `http://127.0.0.1:${port}` }, () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(proxyPort, "127.0.0.1", resolve));

  const stop = async () => {
    for (const instance of instances) instance.kill("SIGTERM");
    await new Promise<void>((resolve) => server.close(() => resolve()));
    proxy.close();
    await dropDatabase(databaseUrl);
  };
  try {
    await Promise.all(ports.map((port) => waitForHealth(`http://127.0.0.1:${port}/api/health`, 60_000)));
  } catch (error) {
    await stop();
    throw error;
  }
  for (const port of ports) served.set(port, 0);
  return { baseURL, databaseUrl, served, stop };
}

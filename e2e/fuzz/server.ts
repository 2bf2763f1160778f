import { type ChildProcess, spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { freePort } from "../free-port";

/**
 * A production server of its own for the fuzzer: the shared e2e server's database changes under
 * the other specs, so "unchanged after a rejection" could not be checked there, and its stderr is
 * not visible to a test. This one is started the way `npm start` starts it (migrate, seed, build
 * when the sources changed, `next start`) on a fresh database, and its stderr is kept.
 */
export interface FuzzServer {
  baseURL: string;
  /** Its DATABASE_URL, for fixtures that seed or read through lib/query. */
  databaseUrl: string;
  /** The SQLite file under it (the fuzz watch hashes it; the specs delete it after). */
  databasePath: string;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

const AUTH_SECRET = "fuzz-secret-that-is-long-enough-for-jwt-signing";

/** `env`: settings of this server only (e2e/accounts.spec.ts lowers SIGN_UP_LIMIT). */
export async function startFuzzServer(env: Record<string, string> = {}): Promise<FuzzServer> {
  const port = freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const databasePath = path.join(os.tmpdir(), `retain-fuzz-${port}-${Date.now()}.db`);
  const databaseUrl = `file:${databasePath}`;
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const child = spawn(process.execPath, [tsx, "scripts/start.ts"], {
    cwd: process.cwd(),
    // Its own process group, so stop() ends the server with the script that started it.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SEED_DEMO: "0",
      AUTH_SECRET,
      NEXTAUTH_URL: baseURL,
      // The fuzz watches the database for writes no request should make; scheduled notices
      // (lib/jobs) would be such writes, so this server runs none.
      JOBS_DISABLED: "1",
      ...env,
    },
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  await waitForHealth(baseURL, child, () => `${stdout}\n${stderr}`);
  return {
    baseURL,
    databaseUrl,
    databasePath,
    stderr: () => stderr,
    stop: () => stop(child),
  };
}

async function waitForHealth(baseURL: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The fuzz server exited early:\n${output()}`);
    try {
      const response = await fetch(`${baseURL}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop(child);
  throw new Error(`The fuzz server did not become healthy in 300 s:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const force = setTimeout(() => process.kill(-pid, "SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    process.kill(-pid, "SIGTERM");
  });
}

const HANDLED = [/^\[auth\] JWT_SESSION_ERROR /, /^\[auth\] SIGNOUT_ERROR /];

/**
 * stderr entries (a first line and its indented continuation) that are not expected. next-auth
 * logs a session cookie it cannot decrypt (JWT_SESSION_ERROR, or SIGNOUT_ERROR when signing out)
 * and then treats the request as signed out; the fuzzer sends such cookies on purpose, so those
 * entries are the one handled kind.
 */
export function unexpectedStderr(text: string): string[] {
  const entries: string[] = [];
  for (const line of text.replace(/\0/g, "").split("\n")) {
    if (line.trim() === "") continue;
    const continuation = /^[\s}]/.test(line);
    if (continuation && entries.length > 0) entries[entries.length - 1] += `\n${line}`;
    else entries.push(line);
  }
  return entries.filter((entry) => !HANDLED.some((pattern) => pattern.test(entry)));
}

import { spawn } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";

export interface HeldLock {
  /** performance.now() when the other process held the lock. */
  lockedAt: number;
  /** Resolves with performance.now() once it has let go and exited. */
  released: Promise<number>;
}

/**
 * Starts a separate Node process (hold-write-lock.mjs) that takes the SQLite write lock on
 * `file` with BEGIN IMMEDIATE or EXCLUSIVE and holds it for `ms`; resolves once it holds it.
 */
export function holdWriteLock(file: string, ms: number, mode: "immediate" | "exclusive" = "immediate") {
  const script = path.join(process.cwd(), "scripts", "reliability", "hold-write-lock.mjs");
  const child = spawn(process.execPath, [script, file, String(ms), mode], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  let onLocked: (at: number) => void = () => {};
  let onReleased: (at: number) => void = () => {};
  const locked = new Promise<number>((resolve) => {
    onLocked = resolve;
  });
  const released = new Promise<number>((resolve, reject) => {
    onReleased = resolve;
    child.on("exit", (code) => {
      if (code === 0) onReleased(performance.now());
      else reject(new Error(`The lock holder exited with code ${code}`));
    });
  });
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (output.includes("locked\n")) onLocked(performance.now());
  });
  return Promise.race([
    locked.then((lockedAt): HeldLock => ({ lockedAt, released })),
    released.then(() => {
      throw new Error("The lock holder exited before taking the lock");
    }),
  ]);
}

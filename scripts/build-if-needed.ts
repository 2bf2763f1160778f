import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureServerActionsKey } from "./auth-secret";

const INPUTS = [
  "app",
  "lib",
  "content",
  "types",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "package-lock.json",
  "tsconfig.json",
];
const SKIP = new Set(["node_modules", ".next", "generated"]);
const STAMP = path.join(".next", "retain-build-inputs");

/** A digest of every file the production build reads, so `npm start` rebuilds only after a change. */
function inputsDigest(): string {
  const hash = createHash("sha256");
  const visit = (entry: string) => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      for (const child of readdirSync(entry).sort()) if (!SKIP.has(child)) visit(path.join(entry, child));
    } else {
      hash.update(entry).update(readFileSync(entry));
    }
  };
  for (const input of INPUTS) visit(input);
  // The server actions key is embedded in the build: a new key needs a new build.
  hash.update(`actions-key:${process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? ""}`);
  return hash.digest("hex");
}

export async function buildIfNeeded(): Promise<void> {
  // The key `npm start` builds and serves with, for every caller (bench, reliability): a build made
  // without it had another stamp, so `npm run bench` after `npm start` rebuilt the app (issue 18).
  ensureServerActionsKey();
  const digest = inputsDigest();
  const built = existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP);
  if (built && readFileSync(STAMP, "utf8") === digest) return;
  console.log("Building the production app (about a minute the first time)…");
  const next = path.join("node_modules", "next", "dist", "bin", "next");
  const result = spawnSync(process.execPath, [next, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed; see the output above.");
  writeFileSync(STAMP, digest);
}

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { GENERATED_SECRET_FILE } from "../lib/env";

/** A fresh install gets its own session secret in data/ unless AUTH_SECRET is set. */
export function ensureAuthSecret(): void {
  if (process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET) return;
  const file = path.resolve(GENERATED_SECRET_FILE);
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  console.log(`Generated a session secret in ${GENERATED_SECRET_FILE} (set AUTH_SECRET to choose your own).`);
}

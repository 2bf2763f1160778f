import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { GENERATED_ACTIONS_KEY_FILE, GENERATED_SECRET_FILE } from "../lib/env";

/** A fresh install gets its own session secret in data/ unless AUTH_SECRET is set. */
export function ensureAuthSecret(): void {
  if (process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET) return;
  const file = path.resolve(GENERATED_SECRET_FILE);
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  console.log(`Generated a session secret in ${GENERATED_SECRET_FILE} (set AUTH_SECRET to choose your own).`);
}

/**
 * Server actions are addressed and their closures encrypted with a key Next embeds at build
 * time. Several instances must run builds made with the same key, so a fresh install keeps
 * one in data/ unless NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is set (a base64 AES key).
 */
export function ensureServerActionsKey(): void {
  if (process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) return;
  const file = path.resolve(GENERATED_ACTIONS_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
    console.log(`Generated a server actions key in ${GENERATED_ACTIONS_KEY_FILE}.`);
  }
  process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = readFileSync(file, "utf8").trim();
}

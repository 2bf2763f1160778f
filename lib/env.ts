import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** Where `npm start` keeps a generated secret when none is configured (git-ignored). */
export const GENERATED_SECRET_FILE = path.join("data", ".auth-secret");
/** Likewise for the key Next encrypts server action references with (see scripts/auth-secret.ts). */
export const GENERATED_ACTIONS_KEY_FILE = path.join("data", ".server-actions-key");

const serverEnv = z.object({
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL must be a full URL such as https://retain.example.com").optional(),
});

let parsed: z.infer<typeof serverEnv> | undefined;

function env() {
  if (!parsed) {
    const result = serverEnv.safeParse(process.env);
    if (!result.success) {
      throw new Error(`Invalid environment: ${result.error.issues.map((i) => i.message).join("; ")}`);
    }
    parsed = result.data;
    // Without a fixed public URL, next-auth builds its callback URLs from the request's Host.
    if (!parsed.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
  }
  return parsed;
}

let secret: string | undefined;

/**
 * The key that signs session cookies; every app instance must share it. Read once per process
 * (it was read from data/.auth-secret on every request, issue 18); changing it needs a restart,
 * as it always did for the sessions next-auth had already issued.
 */
export function authSecret(): string {
  if (secret !== undefined) return secret;
  const { AUTH_SECRET, NEXTAUTH_SECRET } = env();
  const configured = AUTH_SECRET ?? NEXTAUTH_SECRET;
  const file = path.resolve(GENERATED_SECRET_FILE);
  if (configured) secret = configured;
  else if (existsSync(file)) secret = readFileSync(file, "utf8").trim();
  else
    throw new Error(
      "Set AUTH_SECRET (32+ characters), or run `npm start` once to generate data/.auth-secret.",
    );
  return secret;
}

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import proxyAddr from "proxy-addr";
import { z } from "zod";

/** Where `npm start` keeps a generated secret when none is configured (git-ignored). */
export const GENERATED_SECRET_FILE = path.join("data", ".auth-secret");
/** Likewise for the key Next encrypts server action references with (see scripts/auth-secret.ts). */
export const GENERATED_ACTIONS_KEY_FILE = path.join("data", ".server-actions-key");

const serverEnv = z.object({
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL must be a full URL such as https://retain.example.com").optional(),
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((value, context) => {
      const entries = (value ?? "")
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean);
      try {
        // proxy-addr checks every entry (address, CIDR or loopback/linklocal/uniquelocal) here, once.
        return { entries, isTrusted: proxyAddr.compile(entries) };
      } catch (error) {
        context.addIssue({
          code: "custom",
          message: `TRUSTED_PROXIES must list addresses or CIDR ranges separated by commas (${(error as Error).message})`,
        });
        return z.NEVER;
      }
    }),
  SIGN_UP_LIMIT: z.coerce
    .number("SIGN_UP_LIMIT must be a whole number")
    .int("SIGN_UP_LIMIT must be a whole number")
    .min(1, "SIGN_UP_LIMIT must be at least 1")
    .default(20),
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

/**
 * Which peers may tell us the client's address in X-Forwarded-For (TRUSTED_PROXIES, empty by
 * default: then the connection's own address is the client's).
 */
export function trustedProxies(): {
  entries: string[];
  isTrusted: (address: string, hop: number) => boolean;
} {
  return env().TRUSTED_PROXIES;
}

/** New accounts per client address per hour (SIGN_UP_LIMIT). */
export function signUpLimit(): number {
  return env().SIGN_UP_LIMIT;
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

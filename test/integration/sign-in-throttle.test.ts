import { randomUUID } from "node:crypto";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { createSignInThrottle, RATE_LIMIT_TABLE, throttleStore } from "@/lib/auth/sign-in-throttle";
import { databaseUrl, providerOf } from "@/lib/database-url";
import { sql } from "@/lib/sql/client";
import { openSqlite } from "@/lib/sqlite-connection";
import { createLearner } from "./fixtures";

const PASSWORD = "integration-password";
const provider = authOptions.providers[0] as CredentialsConfig;
const authorize = (email: string, password: string, ip: string) =>
  provider.options.authorize({ email, password }, { headers: { "x-forwarded-for": `${ip}, 10.0.0.1` } });
const failures = async (count: number, email: string, ip: string) => {
  for (let i = 0; i < count; i++) expect(await authorize(email, "wrong password", ip)).toBeNull();
};
const uniqueEmail = () => `${randomUUID()}@example.com`;
const blocked = /^TooManyAttempts:\d+$/;

describe("sign-in throttle through authorize (100 per account, 300 per IP, per hour)", () => {
  it("blocks the 101st attempt on an account even with the right password, for an hour", async () => {
    const user = await createLearner();
    await failures(100, user.email, "198.51.100.1");
    await expect(authorize(user.email, PASSWORD, "198.51.100.1")).rejects.toThrow("TooManyAttempts:60");
    // A new address does not help: the account itself is blocked.
    await expect(authorize(user.email, PASSWORD, "198.51.100.2")).rejects.toThrow(blocked);
    const rows = await sql().get<{ n: number }>(`SELECT count(*) AS n FROM ${RATE_LIMIT_TABLE}`);
    expect(Number(rows?.n)).toBeGreaterThan(0);
  }, 60_000);

  it("throttles an unknown email exactly like a wrong password", async () => {
    const nobody = uniqueEmail();
    await failures(100, nobody, "198.51.100.3");
    await expect(authorize(nobody, PASSWORD, "198.51.100.3")).rejects.toThrow("TooManyAttempts:60");
  }, 60_000);

  it("lets the owner in below the limit and the email is matched case-insensitively", async () => {
    const user = await createLearner();
    await failures(3, user.email.toUpperCase(), "198.51.100.4");
    expect((await authorize(` ${user.email.toUpperCase()} `, PASSWORD, "198.51.100.4"))?.id).toBe(user.id);
  });
});

describe("createSignInThrottle (short limits, same database table)", () => {
  afterEach(() => vi.useRealTimers());
  const small = () =>
    createSignInThrottle({ accountPoints: 3, ipPoints: 5, durationSec: 2, store: throttleStore() });

  it("lets the owner in again once the window has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-01T12:00:00Z"));
    const throttle = small();
    const attempt = { email: uniqueEmail(), ip: "203.0.113.1" };
    for (let i = 0; i < 3; i++) expect(await throttle.checkSignInAllowed(attempt)).toEqual({ allowed: true });
    expect(await throttle.checkSignInAllowed(attempt)).toEqual({ allowed: false, retryAfterMs: 2000 });
    vi.setSystemTime(new Date("2026-03-01T12:00:01.999Z"));
    expect((await throttle.checkSignInAllowed(attempt)).allowed).toBe(false);
    vi.setSystemTime(new Date("2026-03-01T12:00:02.001Z"));
    expect(await throttle.checkSignInAllowed(attempt)).toEqual({ allowed: true });
  });

  it("does not block another account on the same IP until the IP cap", async () => {
    const throttle = small();
    const ip = "203.0.113.2";
    const first = { email: uniqueEmail(), ip };
    const second = { email: uniqueEmail(), ip };
    for (let i = 0; i < 3; i++) await throttle.checkSignInAllowed(first);
    expect((await throttle.checkSignInAllowed(first)).allowed).toBe(false); // IP attempt 4
    expect((await throttle.checkSignInAllowed(second)).allowed).toBe(true); // IP attempt 5
    expect((await throttle.checkSignInAllowed(second)).allowed).toBe(false); // IP over its cap
    expect((await throttle.checkSignInAllowed({ ...second, ip: "203.0.113.3" })).allowed).toBe(true);
  });

  it("resets the account's counter on success, but not the IP's", async () => {
    const throttle = small();
    const attempt = { email: uniqueEmail(), ip: "203.0.113.4" };
    for (let i = 0; i < 3; i++) await throttle.checkSignInAllowed(attempt);
    await throttle.recordSuccessfulSignIn(attempt); // the third attempt was the right password
    for (let i = 0; i < 2; i++) expect((await throttle.checkSignInAllowed(attempt)).allowed).toBe(true);
    expect((await throttle.checkSignInAllowed(attempt)).allowed).toBe(true);
    // The IP kept its two failures (only the success was given back): 2 + 3 = 5, so a sixth is over.
    expect((await throttle.checkSignInAllowed({ ...attempt, email: uniqueEmail() })).allowed).toBe(false);
  });

  it("keeps counting across a restart (a new connection to the same database)", async () => {
    const attempt = { email: uniqueEmail(), ip: "203.0.113.6" };
    const before = small();
    for (let i = 0; i < 4; i++) await before.checkSignInAllowed(attempt);
    const url = databaseUrl();
    const store =
      providerOf(url) === "sqlite"
        ? { kind: "sqlite" as const, client: openSqlite(url) }
        : { kind: "postgresql" as const, pool: new pg.Pool({ connectionString: url }) };
    try {
      const after = createSignInThrottle({ accountPoints: 3, ipPoints: 5, durationSec: 2, store });
      expect((await after.checkSignInAllowed({ ...attempt, ip: "203.0.113.7" })).allowed).toBe(false);
    } finally {
      if (store.kind === "sqlite") store.client.close();
      else await store.pool.end();
    }
  });
});

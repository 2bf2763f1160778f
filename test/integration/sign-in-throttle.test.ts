import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SOCKET_ADDRESS_HEADER, stampSocketAddress } from "@/lib/auth/client-address";
import { DEVICE_COOKIE, deviceCookieFrom, issueDeviceCookie } from "@/lib/auth/device-cookie";
import { authOptions } from "@/lib/auth/options";
import { makeLimiter } from "@/lib/auth/rate-limit-store";
import { signInContext } from "@/lib/auth/sign-in-context";
import { createSignInThrottle, RATE_LIMIT_TABLE, throttleStore } from "@/lib/auth/sign-in-throttle";
import { databaseUrl, providerOf } from "@/lib/database-url";
import { authSecret } from "@/lib/env";
import { query } from "@/lib/query";
import { openSqlite, sqlite } from "@/lib/sqlite-connection";
import { createLearner } from "./fixtures";

// Device cookies are signed with the session secret (read once, at first use).
process.env.AUTH_SECRET ??= "integration-secret-that-is-long-enough-for-signing";
const PASSWORD = "integration-password";
const provider = authOptions.providers[0] as CredentialsConfig;
/** Headers as the server gives them to authorize: the socket's address stamped, maybe more. */
function requestHeaders(socket: string, extra: Record<string, string> = {}) {
  const headers: Record<string, string | string[] | undefined> = { ...extra };
  stampSocketAddress(headers, socket);
  return headers;
}
const authorizeWith = (email: string, password: string, headers: Record<string, unknown>) =>
  provider.options.authorize({ email, password }, { headers });
const authorize = (email: string, password: string, ip: string) =>
  authorizeWith(email, password, requestHeaders(ip));
const failures = async (count: number, email: string, ip: string) => {
  for (let i = 0; i < count; i++) expect(await authorize(email, "wrong password", ip)).toBeNull();
};
const uniqueEmail = () => `${randomUUID()}@example.com`;
const blocked = /^TooManyAttempts:account:\d+$/;
/** The window is an hour; a few seconds pass while the failures are made. */
const ABOUT_AN_HOUR = /^TooManyAttempts:account:3[0-6]\d\d$/;

describe("sign-in throttle through authorize (100 per account, 300 per IP, per hour)", () => {
  it("blocks the 101st attempt on an account even with the right password, for an hour", async () => {
    const user = await createLearner();
    await failures(100, user.email, "198.51.100.1");
    await expect(authorize(user.email, PASSWORD, "198.51.100.1")).rejects.toThrow(ABOUT_AN_HOUR);
    // A new address does not help: the account itself is blocked.
    await expect(authorize(user.email, PASSWORD, "198.51.100.2")).rejects.toThrow(blocked);
    // rate-limiter-flexible's own table, not in the schema: the raw template names it.
    const counted = sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(RATE_LIMIT_TABLE)}`;
    const { rows } = await counted.execute(query());
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
  }, 60_000);

  it("throttles an unknown email exactly like a wrong password", async () => {
    const nobody = uniqueEmail();
    await failures(100, nobody, "198.51.100.3");
    await expect(authorize(nobody, PASSWORD, "198.51.100.3")).rejects.toThrow(ABOUT_AN_HOUR);
  }, 60_000);

  it("lets the owner in below the limit and the email is matched case-insensitively", async () => {
    const user = await createLearner();
    await failures(3, user.email.toUpperCase(), "198.51.100.4");
    expect((await authorize(` ${user.email.toUpperCase()} `, PASSWORD, "198.51.100.4"))?.id).toBe(user.id);
  });
});

describe("the client's address (issue 13: X-Forwarded-For was trusted)", () => {
  it("counts attempts by the socket's address, whatever X-Forwarded-For says", async () => {
    const socket = "198.51.100.20";
    // 300 failures on distinct accounts, each claiming another address: all from one client.
    for (let i = 0; i < 300; i++) {
      const headers = requestHeaders(socket, { "x-forwarded-for": `203.0.113.${i % 250}, 10.${i}.0.1` });
      expect(await authorizeWith(uniqueEmail(), "wrong password", headers)).toBeNull();
    }
    await expect(
      authorizeWith(uniqueEmail(), PASSWORD, requestHeaders(socket, { "x-forwarded-for": "192.0.2.77" })),
    ).rejects.toThrow(/^TooManyAttempts:address:\d+$/);
    // Another client is not locked out by someone claiming its address.
    const user = await createLearner();
    const victim = requestHeaders("192.0.2.77", { "x-forwarded-for": "192.0.2.77" });
    expect((await authorizeWith(user.email, PASSWORD, victim))?.id).toBe(user.id);
  }, 120_000);

  it("ignores a stamp header a client wrote itself (it lacks the process's marker)", async () => {
    const forged = { [SOCKET_ADDRESS_HEADER]: "guess 192.0.2.200" };
    for (let i = 0; i < 3; i++) expect(await authorizeWith(uniqueEmail(), "wrong", forged)).toBeNull();
    const keys = sql<{ key: string }>`SELECT ${sql.ref("key")} FROM ${sql.table(RATE_LIMIT_TABLE)}`;
    const { rows } = await keys.execute(query());
    expect(rows.map((row) => row.key)).not.toContain("sign_in_ip:192.0.2.200");
    expect(rows.map((row) => row.key)).toContain("sign_in_ip:unverified");
  });
});

describe("known devices (issue 13: anyone could lock the owner out)", () => {
  const signInFrom = async (email: string, password: string, headers: Record<string, unknown>) => {
    const context = { setCookies: [] as string[], secure: false };
    const user = await signInContext.run(context, () => authorizeWith(email, password, headers));
    return { user, cookie: context.setCookies[0] };
  };

  it("lets the owner's device in while the account is locked for new devices", async () => {
    const user = await createLearner();
    const first = await signInFrom(user.email, PASSWORD, requestHeaders("198.51.100.30"));
    expect(first.user?.id).toBe(user.id);
    expect(first.cookie).toMatch(
      new RegExp(`^${DEVICE_COOKIE}=[\\w-]+\\.[\\w-]+; Path=/; Max-Age=\\d+; HttpOnly; SameSite=Lax$`),
    );
    const device = `${DEVICE_COOKIE}=${deviceCookieFrom(first.cookie?.split(";")[0])}`;

    await failures(100, user.email, "198.51.100.31"); // the attacker, from elsewhere
    await expect(authorize(user.email, PASSWORD, "198.51.100.32")).rejects.toThrow(blocked);
    const owner = await signInFrom(user.email, PASSWORD, requestHeaders("198.51.100.32", { cookie: device }));
    expect(owner.user?.id).toBe(user.id);
    // A device cookie of another account, or a forged one, is just a new device.
    const other = `${DEVICE_COOKIE}=${issueDeviceCookie("someone-else@example.com", authSecret())}`;
    await expect(
      authorizeWith(user.email, PASSWORD, requestHeaders("198.51.100.32", { cookie: other })),
    ).rejects.toThrow(blocked);
    const forged = `${DEVICE_COOKIE}=${issueDeviceCookie(user.email, "not the secret, but long enough to sign")}`;
    await expect(
      authorizeWith(user.email, PASSWORD, requestHeaders("198.51.100.32", { cookie: forged })),
    ).rejects.toThrow(blocked);
  }, 60_000);

  it("slows a known device down after five failures in a row, with the time left, and a success resets it", async () => {
    const user = await createLearner();
    const device = `${DEVICE_COOKIE}=${issueDeviceCookie(user.email, authSecret())}`;
    const headers = requestHeaders("198.51.100.40", { cookie: device });
    for (let i = 0; i < 5; i++) expect(await authorizeWith(user.email, "wrong", headers)).toBeNull();
    // The sixth goes ahead and starts a one-second wait; the seventh, at once, is told to wait.
    expect(await authorizeWith(user.email, "wrong", headers)).toBeNull();
    await expect(authorizeWith(user.email, PASSWORD, headers)).rejects.toThrow("TooManyAttempts:device:1");
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await authorizeWith(user.email, PASSWORD, headers))?.id).toBe(user.id);
    for (let i = 0; i < 5; i++) expect(await authorizeWith(user.email, "wrong", headers)).toBeNull();
  }, 60_000);
});

describe("a database that refuses writes (issue 13: the raw SQLite error reached the URL)", () => {
  const onSqlite = providerOf(databaseUrl()) === "sqlite";

  it.skipIf(!onSqlite)(
    "says the service is unavailable, with no error text, and logs the cause",
    async () => {
      const user = await createLearner();
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      // What a full disk or a read-only file does to the throttle's first write.
      sqlite().pragma("query_only = ON");
      try {
        const refusal = await authorize(user.email, PASSWORD, "198.51.100.50").catch((error: Error) => error);
        expect(refusal).toBeInstanceOf(Error);
        expect((refusal as Error).message).toBe("ServiceUnavailable");
        expect(String(logged.mock.calls[0]?.[1])).toMatch(/readonly|read-only/i);
      } finally {
        sqlite().pragma("query_only = OFF");
        logged.mockRestore();
      }
    },
  );
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
    expect(await throttle.checkSignInAllowed(attempt)).toEqual({
      allowed: false,
      retryAfterMs: 2000,
      reason: "account",
    });
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

describe("the limiters' table on a fresh database", () => {
  it("is created once when many limiters start at the same moment", async () => {
    const store = throttleStore();
    if (store.kind === "postgresql") {
      // Pools of their own, one per limiter as with separate app instances: this process's
      // limiters already made the table through the shared pool.
      const pools = Array.from(
        { length: 24 },
        () => new pg.Pool({ connectionString: databaseUrl(), max: 1 }),
      );
      try {
        await pools[0]?.query(`DROP TABLE IF EXISTS ${RATE_LIMIT_TABLE}`);
        // Many CREATE TABLE IF NOT EXISTS at once failed with `type "rate_limits" already exists`.
        const started = await Promise.all(
          pools.map((pool, i) => makeLimiter({ kind: "postgresql", pool }, `race${i}`, 5, 60)),
        );
        const results = await Promise.all(started.map((limiter) => limiter.penalty("k")));
        expect(results.map((r) => r.consumedPoints)).toEqual(new Array(pools.length).fill(1));
      } finally {
        await Promise.all(pools.map((pool) => pool.end()));
      }
    } else {
      const limiters = await Promise.all(
        Array.from({ length: 12 }, (_, i) => makeLimiter(store, `race${i}`, 5, 60)),
      );
      expect((await Promise.all(limiters.map((l) => l.penalty("k")))).map((r) => r.consumedPoints)).toEqual(
        new Array(12).fill(1),
      );
    }
  });
});

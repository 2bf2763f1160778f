import "server-only";
import type Database from "better-sqlite3";
import type pg from "pg";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  type RateLimiterRes,
  RateLimiterSQLite,
} from "rate-limiter-flexible";
import { databaseUrl, providerOf } from "@/lib/database-url";
import { postgresPool } from "@/lib/sql/client";
import { sqlite } from "@/lib/sqlite-connection";

export interface SignInAttempt {
  /** Normalized (trimmed, lowercased) as the sign-in schema does; unknown emails count the same. */
  email: string;
  ip: string;
}

export type SignInVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface SignInThrottleOptions {
  /** Failed attempts per account (email) per window. */
  accountPoints: number;
  /** Failed attempts per client IP per window. */
  ipPoints: number;
  durationSec: number;
  /**
   * Where the counters live: the SQLite file, or PostgreSQL (shared by every app instance).
   * Without one they live in this process only (tests of the limiter itself).
   */
  store?: { kind: "sqlite"; client: Database.Database } | { kind: "postgresql"; pool: pg.Pool };
}

export interface SignInThrottle {
  /**
   * Reserves one attempt on both counters and says whether it may go ahead. The attempt
   * counts as failed until `recordSuccessfulSignIn`: a read-only check would let many
   * parallel guesses through while their password hashes are still being verified.
   */
  checkSignInAllowed(attempt: SignInAttempt): Promise<SignInVerdict>;
  /** Clears the account's counter and gives the IP its attempt back. */
  recordSuccessfulSignIn(attempt: SignInAttempt): Promise<void>;
}

/** Limits for production: generous for people, ruinous for password guessing. */
export const SIGN_IN_LIMITS = { accountPoints: 100, ipPoints: 300, durationSec: 60 * 60 } as const;
/** rate-limiter-flexible creates this table itself (key, points, expire). */
export const RATE_LIMIT_TABLE = "rate_limits";

function sqliteLimiter(db: Database.Database, keyPrefix: string, points: number, duration: number) {
  return new Promise<RateLimiterAbstract>((resolve, reject) => {
    const limiter: RateLimiterSQLite = new RateLimiterSQLite(
      {
        storeClient: db,
        storeType: "better-sqlite3",
        tableName: RATE_LIMIT_TABLE,
        keyPrefix,
        points,
        duration,
        clearExpiredByTimeout: true,
      },
      // Called once the table exists; consuming before that fails.
      (error?: Error) => (error ? reject(error) : resolve(limiter)),
    );
  });
}

function postgresLimiter(pool: pg.Pool, keyPrefix: string, points: number, duration: number) {
  return new Promise<RateLimiterAbstract>((resolve, reject) => {
    const limiter: RateLimiterPostgres = new RateLimiterPostgres(
      {
        storeClient: pool,
        storeType: "pool",
        tableName: RATE_LIMIT_TABLE,
        keyPrefix,
        points,
        duration,
        clearExpiredByTimeout: true,
      },
      (error?: Error) => (error ? reject(error) : resolve(limiter)),
    );
  });
}

export function createSignInThrottle(options: SignInThrottleOptions): SignInThrottle {
  const { accountPoints, ipPoints, durationSec, store } = options;
  const make = (keyPrefix: string, points: number): Promise<RateLimiterAbstract> => {
    if (store?.kind === "sqlite") return sqliteLimiter(store.client, keyPrefix, points, durationSec);
    if (store?.kind === "postgresql") return postgresLimiter(store.pool, keyPrefix, points, durationSec);
    return Promise.resolve(new RateLimiterMemory({ keyPrefix, points, duration: durationSec }));
  };
  const limiters = Promise.all([make("sign_in_account", accountPoints), make("sign_in_ip", ipPoints)]);

  return {
    async checkSignInAllowed({ email, ip }) {
      const [account, address] = await limiters;
      // `penalty` adds a point and never rejects, so both counters always move together.
      const results: [RateLimiterRes, number][] = [
        [await account.penalty(email), accountPoints],
        [await address.penalty(ip), ipPoints],
      ];
      const over = results.filter(([res, points]) => res.consumedPoints > points);
      if (over.length === 0) return { allowed: true };
      return { allowed: false, retryAfterMs: Math.max(...over.map(([res]) => res.msBeforeNext)) };
    },
    async recordSuccessfulSignIn({ email, ip }) {
      const [account, address] = await limiters;
      await account.delete(email);
      await address.reward(ip);
    },
  };
}

const cache = globalThis as unknown as { retainSignInThrottle?: SignInThrottle };

/**
 * The app's throttle, kept in the database so limits survive restarts and, on PostgreSQL,
 * are shared by every app instance (rate-limiter-flexible's own table, created on first use).
 */
export function signInThrottle(): SignInThrottle {
  cache.retainSignInThrottle ??= createSignInThrottle({ ...SIGN_IN_LIMITS, store: throttleStore() });
  return cache.retainSignInThrottle;
}

/** The process's database connection as the throttle's store. */
export function throttleStore(): NonNullable<SignInThrottleOptions["store"]> {
  const pool = providerOf(databaseUrl()) === "postgresql" ? postgresPool() : null;
  return pool ? { kind: "postgresql", pool } : { kind: "sqlite", client: sqlite() };
}

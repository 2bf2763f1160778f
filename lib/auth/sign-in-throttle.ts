import "server-only";
import type Database from "better-sqlite3";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  type RateLimiterRes,
  RateLimiterSQLite,
} from "rate-limiter-flexible";
import { databaseUrl, providerOf } from "@/lib/database-url";
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
  /** A better-sqlite3 connection; without it the counters live in this process only. */
  storeClient?: Database.Database;
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

export function createSignInThrottle(options: SignInThrottleOptions): SignInThrottle {
  const { accountPoints, ipPoints, durationSec, storeClient } = options;
  const make = (keyPrefix: string, points: number): Promise<RateLimiterAbstract> =>
    storeClient
      ? sqliteLimiter(storeClient, keyPrefix, points, durationSec)
      : Promise.resolve(new RateLimiterMemory({ keyPrefix, points, duration: durationSec }));
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
 * The app's throttle, kept in the database so limits survive restarts. SQLite means one
 * instance; several instances on PostgreSQL would share RateLimiterPostgres (same table name).
 * Until then PostgreSQL deployments count per process.
 */
export function signInThrottle(): SignInThrottle {
  cache.retainSignInThrottle ??= createSignInThrottle({
    ...SIGN_IN_LIMITS,
    storeClient: providerOf(databaseUrl()) === "sqlite" ? sqlite() : undefined,
  });
  return cache.retainSignInThrottle;
}

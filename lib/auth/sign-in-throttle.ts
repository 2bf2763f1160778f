import "server-only";
import type { RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { makeLimiter, RATE_LIMIT_TABLE, type RateLimitStore, throttleStore } from "./rate-limit-store";
import type { ThrottleReason } from "./sign-in-errors";

export { RATE_LIMIT_TABLE, throttleStore };

export interface SignInAttempt {
  /** Normalized (trimmed, lowercased) as the sign-in schema does; unknown emails count the same. */
  email: string;
  ip: string;
  /**
   * The id of a device cookie this browser got from an earlier successful sign-in to this same
   * account (lib/auth/device-cookie.ts), if it has a valid one.
   */
  device?: string;
}

/** Which counter refused: the account's (new devices), the address's, or the known device's delay. */
export type { ThrottleReason };

export type SignInVerdict =
  | { allowed: true }
  | { allowed: false; retryAfterMs: number; reason: ThrottleReason };

export interface SignInThrottleOptions {
  /** Failed attempts per account (email) per window, from devices it has not been signed in on. */
  accountPoints: number;
  /** Failed attempts per client address per window, likewise. */
  ipPoints: number;
  durationSec: number;
  store?: RateLimitStore;
}

export interface SignInThrottle {
  /**
   * Reserves one attempt and says whether it may go ahead. The attempt counts as failed until
   * `recordSuccessfulSignIn`: a read-only check would let many parallel guesses through while
   * their password hashes are still being verified.
   */
  checkSignInAllowed(attempt: SignInAttempt): Promise<SignInVerdict>;
  /** Clears the account's (or device's) counter and gives the address its attempt back. */
  recordSuccessfulSignIn(attempt: SignInAttempt): Promise<void>;
}

/** Limits for production: generous for people, ruinous for password guessing. */
export const SIGN_IN_LIMITS = { accountPoints: 100, ipPoints: 300, durationSec: 60 * 60 } as const;

/** Failures a known device gets without any wait, and the longest wait between its attempts. */
export const KNOWN_DEVICE_FREE_FAILURES = 5;
export const KNOWN_DEVICE_MAX_DELAY_MS = 15 * 60 * 1000;
/** A known device's failures are forgotten a day after the last one (or at its next success). */
const DEVICE_MEMORY_SEC = 24 * 60 * 60;

/**
 * How long a known device waits before its next attempt after `failures` failures in a row:
 * nothing for the first few, then 1 s, doubling up to 15 minutes. The account's owner is never
 * locked out by someone else's guesses (OWASP, "Slow down online guessing attacks with device
 * cookies"), and a stolen device cookie still allows only about a hundred guesses a day.
 */
export function knownDeviceDelayMs(failures: number): number {
  if (failures < KNOWN_DEVICE_FREE_FAILURES) return 0;
  const exponent = Math.min(failures - KNOWN_DEVICE_FREE_FAILURES, 20);
  return Math.min(1000 * 2 ** exponent, KNOWN_DEVICE_MAX_DELAY_MS);
}

export function createSignInThrottle(options: SignInThrottleOptions): SignInThrottle {
  const { accountPoints, ipPoints, durationSec, store } = options;
  const limiters = Promise.all([
    makeLimiter(store, "sign_in_account", accountPoints, durationSec),
    makeLimiter(store, "sign_in_ip", ipPoints, durationSec),
    // Counts a known device's failures in a row; never refuses by itself.
    makeLimiter(store, "sign_in_device", Number.MAX_SAFE_INTEGER, DEVICE_MEMORY_SEC),
    // One point per key: the key exists (with its own expiry) while the device must wait.
    makeLimiter(store, "sign_in_device_wait", 1, 1),
  ]);

  async function checkKnownDevice(
    device: string,
    failures: RateLimiterAbstract,
    wait: RateLimiterAbstract,
  ): Promise<SignInVerdict> {
    const before = (await failures.penalty(device)).consumedPoints - 1;
    const delayMs = knownDeviceDelayMs(before);
    if (delayMs === 0) return { allowed: true };
    try {
      // Atomic: of parallel attempts, one starts the wait and the others are refused by it.
      await wait.consume(device, 1, { customDuration: Math.ceil(delayMs / 1000) });
      return { allowed: true };
    } catch (refusal) {
      if (!isRateLimiterRes(refusal)) throw refusal;
      // A refused attempt was not a guess: it must not lengthen the next wait.
      await failures.reward(device);
      return { allowed: false, retryAfterMs: refusal.msBeforeNext, reason: "device" };
    }
  }

  return {
    async checkSignInAllowed({ email, ip, device }) {
      const [account, address, deviceFailures, deviceWait] = await limiters;
      // The owner's own browser is never held up by the account's or the address's counters,
      // which anyone can fill with wrong guesses.
      if (device) return checkKnownDevice(device, deviceFailures, deviceWait);
      // `penalty` adds a point and never rejects, so both counters always move together.
      const results: [RateLimiterRes, number, ThrottleReason][] = [
        [await account.penalty(email), accountPoints, "account"],
        [await address.penalty(ip), ipPoints, "address"],
      ];
      const over = results.filter(([res, points]) => res.consumedPoints > points);
      const longest = over.sort((a, b) => b[0].msBeforeNext - a[0].msBeforeNext)[0];
      if (!longest) return { allowed: true };
      return { allowed: false, retryAfterMs: longest[0].msBeforeNext, reason: longest[2] };
    },
    async recordSuccessfulSignIn({ email, ip, device }) {
      const [account, address, deviceFailures, deviceWait] = await limiters;
      if (device) {
        await deviceFailures.delete(device);
        await deviceWait.delete(device);
        return;
      }
      await account.delete(email);
      await address.reward(ip);
    },
  };
}

function isRateLimiterRes(value: unknown): value is RateLimiterRes {
  return typeof value === "object" && value !== null && "msBeforeNext" in value && !(value instanceof Error);
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

import "server-only";
import { signUpLimit } from "@/lib/env";
import { type AttemptLimit, createAttemptLimit, throttleStore } from "./rate-limit-store";

const HOUR_SEC = 60 * 60;
/** Wrong current passwords per account per hour, in change-password and delete-account together. */
export const PASSWORD_CHECK_POINTS = 10;

const cache = globalThis as unknown as {
  retainSignUpLimit?: AttemptLimit;
  retainPasswordCheckLimit?: AttemptLimit;
};

/**
 * New accounts per client address per hour (SIGN_UP_LIMIT, 20 by default): one client cannot fill
 * the disk with accounts. Counted in the database, like the sign-in throttle.
 */
export function signUpAttempts(): AttemptLimit {
  cache.retainSignUpLimit ??= createAttemptLimit({
    keyPrefix: "sign_up_ip",
    points: signUpLimit(),
    durationSec: HOUR_SEC,
    store: throttleStore(),
  });
  return cache.retainSignUpLimit;
}

/**
 * Checks of the current password by a signed-in session (keyed by account): a stolen session
 * cookie must not become a password-guessing oracle.
 */
export function passwordCheckAttempts(): AttemptLimit {
  cache.retainPasswordCheckLimit ??= createAttemptLimit({
    keyPrefix: "password_check",
    points: PASSWORD_CHECK_POINTS,
    durationSec: HOUR_SEC,
    store: throttleStore(),
  });
  return cache.retainPasswordCheckLimit;
}

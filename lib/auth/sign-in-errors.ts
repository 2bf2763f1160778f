/**
 * What `authorize` may throw: next-auth puts a thrown message into the sign-in result and into the
 * error redirect's URL, so only these codes ever leave the server, never a raw error's text.
 * No `server-only`: the sign-in form and page read them too.
 */
export const SIGN_IN_UNAVAILABLE = "ServiceUnavailable";
const THROTTLED = "TooManyAttempts";

export type ThrottleReason = "account" | "address" | "device";

/** "TooManyAttempts:<reason>:<seconds left>". */
export function throttledCode(reason: ThrottleReason, retryAfterMs: number): string {
  return `${THROTTLED}:${reason}:${Math.max(1, Math.ceil(retryAfterMs / 1000))}`;
}

/** Seconds under a minute, else whole minutes rounded up. */
export function timeLeft(seconds: number): string {
  if (seconds < 60) return `${seconds} ${seconds === 1 ? "second" : "seconds"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}

/** The message for a failed sign-in, from next-auth's `error` (a code; anything else is a wrong password). */
export function signInFailureMessage(error: string | null | undefined): string {
  if (error === SIGN_IN_UNAVAILABLE) {
    return "Signing in is unavailable right now because of a problem on our side. Please try again in a few minutes.";
  }
  const throttled = /^TooManyAttempts:(account|address|device):(\d{1,9})$/.exec(error ?? "");
  if (!throttled) return "Email or password is incorrect.";
  const wait = timeLeft(Number(throttled[2]));
  switch (throttled[1] as ThrottleReason) {
    case "account":
      return `Too many failed sign-ins to this account from new devices. Try again in ${wait}, or sign in from a device you have signed in on before.`;
    case "address":
      return `Too many sign-in attempts from your network. Try again in ${wait}.`;
    default:
      return `Too many wrong passwords on this device. Try again in ${wait}.`;
  }
}

/** For `/sign-in?error=<code>` (next-auth's redirects without JavaScript): our codes, else a generic line. */
export function signInPageMessage(code: string): string {
  if (code === "CredentialsSignin" || code === SIGN_IN_UNAVAILABLE || code.startsWith(`${THROTTLED}:`)) {
    return signInFailureMessage(code);
  }
  return "Signing in did not work. Please try again.";
}

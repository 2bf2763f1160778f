import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * OWASP's "device cookie": after a successful sign-in the browser gets a signed token naming the
 * account it signed in to. A later attempt on that account that presents it is the owner's device
 * with high probability, so it gets its own counter (a growing delay) instead of the account's
 * lockout, which anyone can trigger. The email is not stored in the cookie, only in its signature.
 */
export const DEVICE_COOKIE = "retain-device";
export const DEVICE_COOKIE_MAX_AGE_SEC = 365 * 24 * 60 * 60;

function signature(secret: string, email: string, id: string): Buffer {
  return createHmac("sha256", secret).update(`retain device cookie\0${email}\0${id}`).digest();
}

/** A new cookie value for `email`; `id` is random unless a test fixes it. */
export function issueDeviceCookie(
  email: string,
  secret: string,
  id = randomBytes(16).toString("base64url"),
): string {
  return `${id}.${signature(secret, email, id).toString("base64url")}`;
}

/** The device's id when `value` is a valid device cookie for `email`, else undefined. */
export function knownDeviceId(value: string | undefined, email: string, secret: string): string | undefined {
  const [id, mac, extra] = value?.split(".") ?? [];
  if (!id || !mac || extra !== undefined || !/^[\w-]{16,64}$/.test(id)) return undefined;
  const expected = signature(secret, email, id);
  const given = Buffer.from(mac, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
}

/** The device cookie's value in a Cookie header, if any. */
export function deviceCookieFrom(cookieHeader: unknown): string | undefined {
  if (typeof cookieHeader !== "string") return undefined;
  for (const part of cookieHeader.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === DEVICE_COOKIE) return value.join("=");
  }
  return undefined;
}

import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * An unsubscribe link's token: a random id (the UnsubscribeToken row, which makes it single-use)
 * and an HMAC of it under the session secret, so a forged or mistyped token is refused before any
 * database read and ids cannot be enumerated.
 */
const PURPOSE = "retain-unsubscribe:";

const mac = (id: string, secret: string) =>
  createHmac("sha256", secret)
    .update(PURPOSE + id)
    .digest("base64url");

export function newTokenId(): string {
  return randomBytes(16).toString("base64url");
}

export function signToken(id: string, secret: string): string {
  return `${id}.${mac(id, secret)}`;
}

/** The token's id when its signature holds, else null. */
export function verifyToken(token: string, secret: string): string | null {
  const match = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(token);
  const id = match?.[1];
  const signature = match?.[2];
  if (!id || !signature) return null;
  const expected = Buffer.from(mac(id, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

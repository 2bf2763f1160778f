import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { NextApiRequest } from "next";
import type { NextRequest } from "next/server";
import { getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { currentSessionVersion } from "@/lib/data/session-version";
import { authSecret } from "@/lib/env";
import { UnauthorizedError } from "@/lib/errors";
import type { Role } from "@/lib/validations/user";

/** A route handler's request, or the Node request of a Pages Router API route (pages/api). */
export type ApiRequest = NextRequest | NextApiRequest;

/** Whether next-auth issued this request's cookie as `__Secure-` (it does when its origin is https). */
function usesSecureCookie(request: ApiRequest): boolean {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return configured.startsWith("https://");
  if ("nextUrl" in request) {
    const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
    return (proto ? `${proto}:` : request.nextUrl.protocol) === "https:";
  }
  const forwarded = request.headers["x-forwarded-proto"];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  const encrypted = (request.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  return proto ? proto === "https" : encrypted;
}

/**
 * next-auth's own decode runs HKDF over the secret on every call (a measurable share of a review
 * submit, issue 18). The key depends only on the secret, so it is derived once, with next-auth's
 * exact parameters (SHA-256, empty salt, its info string, 32 bytes), and kept per secret. Tokens
 * themselves are decrypted and checked on every request, as before.
 */
let cachedKey: { secret: string | Buffer; key: Uint8Array } | undefined;

export function sessionEncryptionKey(secret: string | Buffer): Uint8Array {
  if (cachedKey?.secret !== secret) {
    const info = "NextAuth.js Generated Encryption Key";
    cachedKey = { secret, key: new Uint8Array(hkdfSync("sha256", secret, "", info, 32)) };
  }
  return cachedKey.key;
}

/** next-auth's `decode` (dir + A256GCM, 15 s clock tolerance), with the key derived once. */
export async function decodeSessionToken({ token, secret }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, sessionEncryptionKey(secret), { clockTolerance: 15 });
  return payload as JWT;
}

export interface ApiToken {
  id: string;
  role: Role;
  /** The session version the token was issued with; compare with the account's (revocation). */
  sessionVersion: number | undefined;
}

/**
 * The signed-in user as the request's session cookie names them, decrypted and checked but not
 * yet compared with the account's session version: the caller must do that, in its own query
 * (recordReview does, to save a statement) or with `assertSessionCurrent`.
 */
export async function readApiToken(request: ApiRequest): Promise<ApiToken> {
  const token = await getToken({
    req: request,
    secret: authSecret(),
    secureCookie: usesSecureCookie(request),
    decode: decodeSessionToken,
  });
  if (!token?.uid) throw new UnauthorizedError();
  return { id: token.uid, role: token.role ?? "learner", sessionVersion: token.sessionVersion };
}

/** Refuses a token whose account is gone or whose sessions were ended since it was issued. */
export async function assertSessionCurrent(token: ApiToken): Promise<void> {
  const version = await currentSessionVersion(token.id);
  if (version === null || version !== token.sessionVersion) {
    throw new UnauthorizedError("Your session has ended. Please sign in again.");
  }
}

/**
 * The user of an API request, for the hot JSON routes (review submits, quiz answers). It reads
 * the same session cookie as `requireUser` and applies the same revocation rule, but skips
 * next-auth's session round trip (callbacks and re-encrypting the cookie on every call).
 */
export async function requireApiUser(request: NextRequest): Promise<{ id: string; role: Role }> {
  const token = await readApiToken(request);
  await assertSessionCurrent(token);
  return { id: token.id, role: token.role };
}

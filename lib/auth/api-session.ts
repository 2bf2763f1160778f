import "server-only";
import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { currentSessionVersion } from "@/lib/data/session-version";
import { authSecret } from "@/lib/env";
import { UnauthorizedError } from "@/lib/errors";
import type { Role } from "@/lib/validations/user";

/** Whether next-auth issued this request's cookie as `__Secure-` (it does when its origin is https). */
function usesSecureCookie(request: NextRequest): boolean {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return configured.startsWith("https://");
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (proto ? `${proto}:` : request.nextUrl.protocol) === "https:";
}

/**
 * The user of an API request, for the hot JSON routes (review submits, quiz answers). It reads
 * the same session cookie as `requireUser` and applies the same revocation rule, but skips
 * next-auth's session round trip (callbacks and re-encrypting the cookie on every call).
 */
export async function requireApiUser(request: NextRequest): Promise<{ id: string; role: Role }> {
  const token = await getToken({
    req: request,
    secret: authSecret(),
    secureCookie: usesSecureCookie(request),
  });
  if (!token?.uid) throw new UnauthorizedError();
  const version = await currentSessionVersion(token.uid);
  if (version === null || version !== token.sessionVersion) {
    throw new UnauthorizedError("Your session has ended. Please sign in again.");
  }
  return { id: token.uid, role: token.role ?? "learner" };
}

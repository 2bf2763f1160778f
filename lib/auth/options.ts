import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddress } from "@/lib/auth/client-address";
import {
  DEVICE_COOKIE,
  DEVICE_COOKIE_MAX_AGE_SEC,
  deviceCookieFrom,
  issueDeviceCookie,
  knownDeviceId,
} from "@/lib/auth/device-cookie";
import { signInContext } from "@/lib/auth/sign-in-context";
import { SIGN_IN_UNAVAILABLE, throttledCode } from "@/lib/auth/sign-in-errors";
import { signInThrottle } from "@/lib/auth/sign-in-throttle";
import { currentSessionVersion } from "@/lib/data/session-version";
import { type AccountUser, authenticate, revokeAllSessions } from "@/lib/data/users";
import { authSecret, trustedProxies } from "@/lib/env";
import { authRedirect } from "@/lib/validations/return-to";
import { signInSchema } from "@/lib/validations/user";

const SESSION_REVOKED = "Session revoked";

/** A refusal `authorize` means to show (its message is a code from sign-in-errors.ts). */
class SignInRefusedError extends Error {}

/** Sets the device cookie on the sign-in response (see app/api/auth/[...nextauth]/route.ts). */
function rememberDevice(email: string): void {
  const context = signInContext.getStore();
  if (!context) return;
  const value = issueDeviceCookie(email, authSecret());
  context.setCookies.push(
    `${DEVICE_COOKIE}=${value}; Path=/; Max-Age=${DEVICE_COOKIE_MAX_AGE_SEC}; HttpOnly; SameSite=Lax${context.secure ? "; Secure" : ""}`,
  );
}

async function authorizeCredentials(
  credentials: Record<string, unknown> | undefined,
  headers: Record<string, unknown> | undefined,
): Promise<AccountUser | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const deviceCookie = deviceCookieFrom(headers?.cookie);
  const attempt = {
    email,
    ip: clientAddress(headers, trustedProxies().isTrusted),
    device: deviceCookie ? knownDeviceId(deviceCookie, email, authSecret()) : undefined,
  };
  // Refused before the password is checked, the same way for unknown emails.
  const verdict = await signInThrottle().checkSignInAllowed(attempt);
  if (!verdict.allowed) throw new SignInRefusedError(throttledCode(verdict.reason, verdict.retryAfterMs));
  const user = await authenticate(email, password);
  if (!user) return null;
  await signInThrottle().recordSuccessfulSignIn(attempt);
  rememberDevice(email);
  return user;
}

export const authOptions: NextAuthOptions = {
  // Read when a request needs it, not at import, so `next build` needs no secret.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  // Errors land on our sign-in page, which shows a message for each code and nothing else.
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        try {
          return await authorizeCredentials(credentials, req?.headers);
        } catch (error) {
          if (error instanceof SignInRefusedError) throw error;
          // A full disk, a read-only or unreachable database: say so, and keep the details in the log.
          console.error("[auth] sign-in failed", error);
          throw new SignInRefusedError(SIGN_IN_UNAVAILABLE);
        }
      },
    }),
  ],
  events: {
    // Signing out makes this cookie, and any copy of it, useless at once. The session version is
    // the account's, so this signs out the account's other devices too (no per-session list).
    async signOut({ token }) {
      if (!token?.uid) return;
      try {
        // A cookie already revoked (or of a deleted account) has nothing left to end.
        if ((await currentSessionVersion(token.uid)) !== token.sessionVersion) return;
        await revokeAllSessions(token.uid);
      } catch (error) {
        console.error("[auth] sign-out failed", error);
      }
    },
  },
  callbacks: {
    redirect: ({ url, baseUrl }) => authRedirect(url, baseUrl),
    async jwt({ token, user }) {
      if (user) {
        return { ...token, uid: user.id, role: user.role, sessionVersion: user.sessionVersion };
      }
      // Checked on every request, so signing out everywhere or changing the password
      // makes older cookies useless at once. Throwing makes next-auth clear the cookie.
      const current = token.uid ? await currentSessionVersion(token.uid) : null;
      if (current === null || current !== token.sessionVersion) throw new Error(SESSION_REVOKED);
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.uid ?? "",
        name: token.name ?? "",
        email: token.email ?? "",
        role: token.role ?? "learner",
      };
      return session;
    },
  },
  logger: {
    error(code, metadata) {
      // A revoked session is expected (sign-out everywhere, password change), not an error.
      const revoked =
        code === "JWT_SESSION_ERROR" && (metadata as Error | undefined)?.message === SESSION_REVOKED;
      if (!revoked) console.error(`[auth] ${code}`, metadata);
    },
    warn(code) {
      if (code !== "NEXTAUTH_URL") console.warn(`[auth] ${code}`);
    },
    debug() {},
  },
};

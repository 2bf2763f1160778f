import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInThrottle } from "@/lib/auth/sign-in-throttle";
import { currentSessionVersion } from "@/lib/data/session-version";
import { authenticate } from "@/lib/data/users";
import { authSecret } from "@/lib/env";
import { authRedirect } from "@/lib/validations/return-to";
import { signInSchema } from "@/lib/validations/user";

const SESSION_REVOKED = "Session revoked";
/** next-auth hands a thrown message to the sign-in form as `result.error`. */
const TOO_MANY_ATTEMPTS = "TooManyAttempts";

/** The client's address as the proxy in front reports it; without one every client shares "unknown". */
function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" && real.trim()) || "unknown";
}

export const authOptions: NextAuthOptions = {
  // Read when a request needs it, not at import, so `next build` needs no secret.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const attempt = { email: parsed.data.email, ip: clientIp(req?.headers) };
        // Refused before the password is checked, the same way for unknown emails.
        const verdict = await signInThrottle().checkSignInAllowed(attempt);
        if (!verdict.allowed) {
          throw new Error(`${TOO_MANY_ATTEMPTS}:${Math.max(1, Math.ceil(verdict.retryAfterMs / 60_000))}`);
        }
        const user = await authenticate(attempt.email, parsed.data.password);
        if (user) await signInThrottle().recordSuccessfulSignIn(attempt);
        return user;
      },
    }),
  ],
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

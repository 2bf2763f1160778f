import { describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { verifyPassword } from "@/lib/auth/password";
import { authenticate, changePassword, createUser, revokeAllSessions } from "@/lib/data/users";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { signUpSchema } from "@/lib/validations/user";

const newLearner = (email: string) =>
  signUpSchema.parse({ name: "Test Learner", email, password: "correct horse battery", role: "learner" });

describe("password hashing", () => {
  it("stores an argon2id hash with the OWASP parameters, never the password", async () => {
    const user = await createUser(newLearner("hash@example.com"));
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(passwordHash).not.toContain("correct horse battery");
    expect(await verifyPassword(passwordHash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(passwordHash, "correct horse battery!")).toBe(false);
  });

  it("authenticates the right password and refuses a wrong one or an unknown email", async () => {
    await createUser(newLearner("auth@example.com"));
    expect((await authenticate("auth@example.com", "correct horse battery"))?.email).toBe("auth@example.com");
    expect(await authenticate("auth@example.com", "wrong password")).toBeNull();
    expect(await authenticate("nobody@example.com", "correct horse battery")).toBeNull();
  });
});

describe("sign-up", () => {
  it("rejects a duplicate email, whatever its case, and changes nothing", async () => {
    await createUser(newLearner("dup@example.com"));
    const before = await db.user.count();
    const again = newLearner("  DUP@Example.com ");
    expect(again.email).toBe("dup@example.com");
    await expect(createUser(again)).rejects.toBeInstanceOf(ValidationError);
    expect(await db.user.count()).toBe(before);
  });

  it("gives each new account default study settings", async () => {
    const user = await createUser(newLearner("settings@example.com"));
    const settings = await db.studySettings.findUniqueOrThrow({ where: { userId: user.id } });
    expect(settings.desiredRetention).toBe(0.9);
    expect(settings.dayRolloverHour).toBe(4);
  });
});

describe("session revocation", () => {
  const jwt = authOptions.callbacks?.jwt;
  if (!jwt) throw new Error("authOptions must define a jwt callback");
  const check = (token: Record<string, unknown>) =>
    jwt({ token, user: undefined as never, account: null } as Parameters<typeof jwt>[0]);

  it("accepts a token until the user signs out everywhere, then refuses it", async () => {
    const user = await createUser(newLearner("revoke@example.com"));
    const token = { uid: user.id, role: user.role, sessionVersion: user.sessionVersion };
    await expect(check(token)).resolves.toMatchObject({ uid: user.id });
    await revokeAllSessions(user.id);
    await expect(check(token)).rejects.toThrow();
  });

  it("refuses old tokens after a password change, and the new password works", async () => {
    const user = await createUser(newLearner("change@example.com"));
    const token = { uid: user.id, role: user.role, sessionVersion: user.sessionVersion };
    await changePassword(user.id, "correct horse battery", "a brand new passphrase");
    await expect(check(token)).rejects.toThrow();
    expect(await authenticate("change@example.com", "a brand new passphrase")).not.toBeNull();
    expect(await authenticate("change@example.com", "correct horse battery")).toBeNull();
  });

  it("refuses a copy of the token after a plain sign-out (issue 13)", async () => {
    const user = await createUser(newLearner("plain-sign-out@example.com"));
    const token = { uid: user.id, role: user.role, sessionVersion: user.sessionVersion };
    const signOut = authOptions.events?.signOut;
    if (!signOut) throw new Error("authOptions must handle sign-out");
    await signOut({ token, session: undefined as never });
    await expect(check(token)).rejects.toThrow();
  });

  it("leaves the session version alone when the cookie signing out was already revoked", async () => {
    const user = await createUser(newLearner("stale-sign-out@example.com"));
    const stale = { uid: user.id, role: user.role, sessionVersion: user.sessionVersion };
    await revokeAllSessions(user.id);
    await authOptions.events?.signOut?.({ token: stale, session: undefined as never });
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(sessionVersion).toBe(user.sessionVersion + 1);
  });

  it("signs out a deleted account's last session without an error", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await authOptions.events?.signOut?.({
        token: { uid: "no-such-user", sessionVersion: 0 },
        session: undefined as never,
      });
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it("refuses a token whose user no longer exists", async () => {
    await expect(check({ uid: "no-such-user", sessionVersion: 0 })).rejects.toThrow();
  });
});

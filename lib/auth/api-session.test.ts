import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, sessionEncryptionKey } from "./api-session";

const SECRET = "a-session-secret-that-is-long-enough-for-tests";

describe("decodeSessionToken (the key derived once)", () => {
  it("reads what next-auth encoded, like next-auth's own decode", async () => {
    const token = await encode({ token: { uid: "u1", sessionVersion: 3, role: "trainer" }, secret: SECRET });
    const ours = await decodeSessionToken({ token, secret: SECRET });
    expect(ours).toMatchObject({ uid: "u1", sessionVersion: 3, role: "trainer" });
    expect(ours).toEqual(await decode({ token, secret: SECRET }));
  });

  it("derives the key once per secret and a different key for another secret", () => {
    const first = sessionEncryptionKey(SECRET);
    expect(sessionEncryptionKey(SECRET)).toBe(first);
    const other = sessionEncryptionKey(`${SECRET}-2`);
    expect(Buffer.from(other).equals(Buffer.from(first))).toBe(false);
  });

  it("refuses a token of another secret, a tampered one and an expired one", async () => {
    const foreign = await encode({ token: { uid: "u1" }, secret: `${SECRET}-other` });
    await expect(decodeSessionToken({ token: foreign, secret: SECRET })).rejects.toThrow();

    const token = await encode({ token: { uid: "u1" }, secret: SECRET });
    const parts = token.split(".");
    const body = parts[3] ?? "";
    parts[3] = `${body.slice(0, 5)}${body[5] === "A" ? "B" : "A"}${body.slice(6)}`;
    await expect(decodeSessionToken({ token: parts.join("."), secret: SECRET })).rejects.toThrow();

    const expired = await encode({ token: { uid: "u1" }, secret: SECRET, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret: SECRET })).rejects.toThrow(/exp/);
    expect(await decodeSessionToken({ token: "", secret: SECRET })).toBeNull();
  });
});

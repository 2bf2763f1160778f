import { describe, expect, it } from "vitest";
import { newTokenId, signToken, verifyToken } from "./unsubscribe-token";

const secret = "a-secret-that-is-long-enough-for-signing";

describe("unsubscribe tokens", () => {
  it("verifies its own signature and returns the id", () => {
    const id = newTokenId();
    expect(verifyToken(signToken(id, secret), secret)).toBe(id);
  });

  it("refuses a token signed with another secret, altered, or malformed", () => {
    const id = newTokenId();
    const token = signToken(id, secret);
    expect(verifyToken(signToken(id, `${secret}-other`), secret)).toBeNull();
    const last = token.at(-1) === "A" ? "B" : "A";
    expect(verifyToken(token.slice(0, -1) + last, secret)).toBeNull();
    expect(verifyToken(`${newTokenId()}.${token.split(".")[1]}`, secret)).toBeNull();
    expect(verifyToken("", secret)).toBeNull();
    expect(verifyToken("not a token", secret)).toBeNull();
  });
});

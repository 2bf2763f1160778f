import { describe, expect, it } from "vitest";
import {
  SIGN_IN_UNAVAILABLE,
  signInFailureMessage,
  signInPageMessage,
  throttledCode,
  timeLeft,
} from "./sign-in-errors";

describe("sign-in messages", () => {
  it("say who is throttled and for how long", () => {
    expect(signInFailureMessage(throttledCode("account", 3_600_000))).toBe(
      "Too many failed sign-ins to this account from new devices. Try again in 60 minutes, or sign in from a device you have signed in on before.",
    );
    expect(signInFailureMessage(throttledCode("address", 61_000))).toBe(
      "Too many sign-in attempts from your network. Try again in 2 minutes.",
    );
    expect(signInFailureMessage(throttledCode("device", 1))).toBe(
      "Too many wrong passwords on this device. Try again in 1 second.",
    );
  });

  it("say the service is unavailable rather than blame the password", () => {
    expect(signInFailureMessage(SIGN_IN_UNAVAILABLE)).toMatch(/^Signing in is unavailable right now/);
  });

  it("never echo what a visitor put in the query", () => {
    const code = "SQLITE_READONLY: attempt to write a readonly database <script>";
    expect(signInPageMessage(code)).toBe("Signing in did not work. Please try again.");
    expect(signInPageMessage("CredentialsSignin")).toBe("Email or password is incorrect.");
    expect(signInFailureMessage("TooManyAttempts:account:99999999999")).toBe(
      "Email or password is incorrect.",
    );
  });

  it("count time in seconds under a minute, else whole minutes rounded up", () => {
    expect(timeLeft(59)).toBe("59 seconds");
    expect(timeLeft(60)).toBe("1 minute");
    expect(timeLeft(61)).toBe("2 minutes");
  });
});

import { describe, expect, it } from "vitest";
import {
  createSignInThrottle,
  KNOWN_DEVICE_FREE_FAILURES,
  KNOWN_DEVICE_MAX_DELAY_MS,
  knownDeviceDelayMs,
} from "./sign-in-throttle";

describe("knownDeviceDelayMs", () => {
  it("is nothing for the first failures, then doubles from a second up to fifteen minutes", () => {
    const delays = Array.from({ length: 18 }, (_, failures) => knownDeviceDelayMs(failures));
    expect(delays.slice(0, KNOWN_DEVICE_FREE_FAILURES)).toEqual([0, 0, 0, 0, 0]);
    expect(delays.slice(5, 9)).toEqual([1000, 2000, 4000, 8000]);
    expect(delays.at(-1)).toBe(KNOWN_DEVICE_MAX_DELAY_MS);
    expect(knownDeviceDelayMs(10_000)).toBe(KNOWN_DEVICE_MAX_DELAY_MS);
  });
});

describe("createSignInThrottle (in memory)", () => {
  // One counter over its limit at a time: with both over, the reason is whichever wait ends later,
  // which can differ by a millisecond either way.
  it.each([
    { reason: "account", accountPoints: 1, ipPoints: 100 },
    { reason: "address", accountPoints: 100, ipPoints: 1 },
  ])("never holds a known device up by the $reason's counter", async ({ reason, ...points }) => {
    const throttle = createSignInThrottle({ ...points, durationSec: 60 });
    const attempt = { email: "owner@example.com", ip: "198.51.100.1" };
    await throttle.checkSignInAllowed(attempt);
    expect(await throttle.checkSignInAllowed(attempt)).toMatchObject({ allowed: false, reason });
    expect(await throttle.checkSignInAllowed({ ...attempt, device: "owner-laptop" })).toEqual({
      allowed: true,
    });
  });

  it("refuses a known device during its wait without lengthening it", async () => {
    const throttle = createSignInThrottle({ accountPoints: 100, ipPoints: 100, durationSec: 60 });
    const attempt = { email: "owner@example.com", ip: "198.51.100.1", device: "phone" };
    for (let i = 0; i <= KNOWN_DEVICE_FREE_FAILURES; i++) {
      expect((await throttle.checkSignInAllowed(attempt)).allowed).toBe(true);
    }
    for (let i = 0; i < 3; i++) {
      expect(await throttle.checkSignInAllowed(attempt)).toMatchObject({ allowed: false, reason: "device" });
    }
    await throttle.recordSuccessfulSignIn(attempt);
    expect((await throttle.checkSignInAllowed(attempt)).allowed).toBe(true);
  });
});

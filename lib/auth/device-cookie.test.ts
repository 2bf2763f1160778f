import { describe, expect, it } from "vitest";
import { DEVICE_COOKIE, deviceCookieFrom, issueDeviceCookie, knownDeviceId } from "./device-cookie";

const SECRET = "a secret that is long enough for signing cookies";
const ID = "AAAAAAAAAAAAAAAAAAAAAA";

describe("device cookies", () => {
  it("name their device for the account they were issued for, and no other", () => {
    const cookie = issueDeviceCookie("owner@example.com", SECRET, ID);
    expect(knownDeviceId(cookie, "owner@example.com", SECRET)).toBe(ID);
    expect(knownDeviceId(cookie, "other@example.com", SECRET)).toBeUndefined();
    expect(knownDeviceId(cookie, "owner@example.com", `${SECRET}!`)).toBeUndefined();
    expect(cookie).not.toContain("owner");
  });

  it("refuse any change to the id or the signature, and malformed values", () => {
    const cookie = issueDeviceCookie("owner@example.com", SECRET, ID);
    const [id, mac] = cookie.split(".") as [string, string];
    for (const value of [
      `B${id.slice(1)}.${mac}`,
      `${id}.${mac.slice(0, -2)}`,
      `${id}.${mac}.x`,
      `${id}`,
      "",
      ".",
      `${id}.`,
      `../${id}.${mac}`,
    ]) {
      expect(knownDeviceId(value, "owner@example.com", SECRET)).toBeUndefined();
    }
    expect(knownDeviceId(undefined, "owner@example.com", SECRET)).toBeUndefined();
  });

  it("are found in a Cookie header among others", () => {
    expect(deviceCookieFrom(`a=1; ${DEVICE_COOKIE}=x.y; b=2`)).toBe("x.y");
    expect(deviceCookieFrom("a=1")).toBeUndefined();
    expect(deviceCookieFrom(undefined)).toBeUndefined();
  });
});

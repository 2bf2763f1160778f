import { describe, expect, it } from "vitest";
import { notificationSettingsSchema } from "./notifications";

const form = (digestHour: unknown) => ({ email: "on", digest: "on", digestHour });

describe("notificationSettingsSchema", () => {
  it("reads the hour the digest is sent at", () => {
    expect(notificationSettingsSchema.parse(form("7")).digestHour).toBe(7);
    expect(notificationSettingsSchema.parse(form("0")).digestHour).toBe(0);
  });

  // The fuzzer found an empty hour saved as midnight ("" coerces to 0).
  it.each(["", "  ", undefined, "24", "-1", "7.5", "seven"])("refuses the hour %j", (hour) => {
    const result = notificationSettingsSchema.safeParse(form(hour));
    expect(result.success).toBe(false);
  });
});

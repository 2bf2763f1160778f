import { describe, expect, it } from "vitest";
import { getStudySettings, saveStudySettings } from "@/lib/data/settings";
import { createUser } from "@/lib/data/users";
import { studySettingsFormSchema } from "@/lib/validations/settings";
import { signUpSchema } from "@/lib/validations/user";
import { createLearner } from "./fixtures";

const form = (overrides: Record<string, string> = {}) => ({
  desiredRetention: "0.85",
  newPerDay: "15",
  maxReviewsPerDay: "150",
  maximumInterval: "365",
  learningSteps: "1m, 10m 1h",
  relearningSteps: "10m",
  timeZone: "Europe/Berlin",
  dayRolloverHour: "5",
  quizFeedsSchedule: "",
  ...overrides,
});

describe("study settings", () => {
  it("saves what the form sends and reads it back", async () => {
    const user = await createLearner();
    const parsed = studySettingsFormSchema.parse(form());
    await saveStudySettings(user.id, parsed);
    expect(await getStudySettings(user.id)).toEqual({
      desiredRetention: 0.85,
      newPerDay: 15,
      newPerDayTotal: 20,
      maxReviewsPerDay: 150,
      maximumInterval: 365,
      learningSteps: ["1m", "10m", "1h"],
      relearningSteps: ["10m"],
      timeZone: "Europe/Berlin",
      dayRolloverHour: 5,
      quizFeedsSchedule: false,
    });
  });

  it("explains each bad value", () => {
    const result = studySettingsFormSchema.safeParse(
      form({
        desiredRetention: "0.99",
        timeZone: "Mars/Olympus",
        learningSteps: "10 minutes",
        dayRolloverHour: "24",
      }),
    );
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(
      result.error?.issues.map((i) => [String(i.path[0]), i.message]) ?? [],
    );
    expect(messages.desiredRetention).toBe("Desired retention must be between 0.70 and 0.97");
    expect(messages.timeZone).toMatch(/IANA name/);
    expect(messages.learningSteps).toMatch(/whole number followed by m, h or d/);
    expect(messages.dayRolloverHour).toBe("Day rollover hour must be between 0 and 23");
  });

  it("takes the browser's time zone at sign-up, and ignores one that does not exist", async () => {
    const input = (timeZone: string) =>
      signUpSchema.parse({
        name: "Zoned",
        email: `${timeZone.replace(/\W/g, "")}@example.com`,
        password: "a long password",
        role: "learner",
        timeZone,
      });
    const zoned = await createUser(input("America/New_York"));
    expect((await getStudySettings(zoned.id)).timeZone).toBe("America/New_York");
    const unknown = await createUser(input("Nowhere/Land"));
    expect((await getStudySettings(unknown.id)).timeZone).toBe("UTC");
  });
});

import { describe, expect, it } from "vitest";
import { demoAccountsPolicy } from "./demo-policy";

describe("demoAccountsPolicy", () => {
  it("creates no demo accounts in production unless SEED_DEMO=1, and says so", () => {
    const production = demoAccountsPolicy({ NODE_ENV: "production" });
    expect(production.demo).toBe(false);
    expect(production.note).toMatch(/off in production.*SEED_DEMO=1/);
    expect(demoAccountsPolicy({ NODE_ENV: "production", SEED_DEMO: "true" }).demo).toBe(false);
    const asked = demoAccountsPolicy({ NODE_ENV: "production", SEED_DEMO: "1" });
    expect(asked.demo).toBe(true);
    expect(asked.note).toMatch(/ON in production.*password is public/);
  });

  it("creates them elsewhere unless SEED_DEMO=0", () => {
    expect(demoAccountsPolicy({}).demo).toBe(true);
    expect(demoAccountsPolicy({ NODE_ENV: "development" }).demo).toBe(true);
    expect(demoAccountsPolicy({ SEED_DEMO: "0" })).toEqual({
      demo: false,
      note: "Demo accounts: off (SEED_DEMO=0).",
    });
    expect(demoAccountsPolicy({ NODE_ENV: "production", SEED_DEMO: "0" }).demo).toBe(false);
  });
});

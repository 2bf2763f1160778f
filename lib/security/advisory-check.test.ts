import { describe, expect, it } from "vitest";
import list from "./advisories.json";
import { type Advisory, installedVersions, knownVulnerabilities } from "./advisory-check";

const advisories = list.advisories as Advisory[];
const lock = (versions: Record<string, string>) => ({
  packages: Object.fromEntries(
    Object.entries(versions).map(([name, version]) => [`node_modules/${name}`, { version }]),
  ),
});

describe("knownVulnerabilities", () => {
  it("flags versions inside a vulnerable range, at high severity and above", () => {
    const found = knownVulnerabilities(
      installedVersions(lock({ next: "15.2.2", "next-auth": "4.24.13", react: "19.2.0" })),
      advisories,
      "high",
    );
    expect(found.map((f) => f.advisory.id)).toEqual(
      expect.arrayContaining(["GHSA-f82v-jwr5-mffw", "GHSA-9qr9-h5gf-34mp", "GHSA-7rqj-j65f-68wh"]),
    );
  });

  it("passes the first patched versions and finds nested copies", () => {
    const patched = installedVersions(lock({ next: "16.2.6", "next-auth": "4.24.15" }));
    expect(knownVulnerabilities(patched, advisories, "high")).toEqual([]);
    const nested = installedVersions({
      packages: { "node_modules/x/node_modules/react-server-dom-webpack": { version: "19.1.1" } },
    });
    expect(knownVulnerabilities(nested, advisories, "high")).toHaveLength(1);
  });

  it("ignores advisories below the chosen severity", () => {
    const moderate: Advisory[] = [{ ...advisories[0]!, severity: "moderate" }];
    expect(knownVulnerabilities(installedVersions(lock({ next: "15.2.2" })), moderate, "high")).toEqual([]);
  });
});

import semver from "semver";

export type Severity = "low" | "moderate" | "high" | "critical";
const RANK: Record<Severity, number> = { low: 0, moderate: 1, high: 2, critical: 3 };

export interface Advisory {
  id: string;
  package: string;
  /** npm semver range of affected versions. */
  vulnerable: string;
  severity: Severity;
  summary: string;
  url: string;
}

export interface Finding {
  advisory: Advisory;
  installed: string;
}

/** Installed versions of every package in an npm v3 lockfile (nested copies included). */
export function installedVersions(lockfile: { packages?: Record<string, { version?: string }> }) {
  const versions = new Map<string, Set<string>>();
  for (const [key, entry] of Object.entries(lockfile.packages ?? {})) {
    const name = key.split("node_modules/").at(-1);
    if (!name || !entry.version) continue;
    const set = versions.get(name) ?? new Set<string>();
    set.add(entry.version);
    versions.set(name, set);
  }
  return versions;
}

/** Advisories at `minimum` severity or above that match an installed version. */
export function knownVulnerabilities(
  installed: Map<string, Set<string>>,
  advisories: readonly Advisory[],
  minimum: Severity,
): Finding[] {
  const findings: Finding[] = [];
  for (const advisory of advisories) {
    if (RANK[advisory.severity] < RANK[minimum]) continue;
    for (const version of installed.get(advisory.package) ?? []) {
      if (semver.satisfies(version, advisory.vulnerable, { includePrerelease: true })) {
        findings.push({ advisory, installed: version });
      }
    }
  }
  return findings;
}

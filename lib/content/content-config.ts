import type { IssueLog } from "./issues";
import { type EvidenceOverride, evidenceOverrides, type TablesConfig, tablesConfig } from "./schema";
import { readYaml, validateYaml, type YamlPath } from "./yaml-file";

export const EVIDENCE_FILE = "content/evidence.yaml";
export const TABLES_FILE = "content/tables.yaml";

export type CuratedEvidence = {
  entries: Record<string, EvidenceOverride>;
  lineOf: (path: YamlPath) => number;
};

export type TableSettings = TablesConfig & { lineOf: (path: YamlPath) => number };

const noLines = () => 1;

/** content/evidence.yaml: item id → { evidence, reason }. A missing or empty file curates nothing. */
export function readCuratedEvidence(text: string | undefined, log: IssueLog): CuratedEvidence {
  const yaml = text === undefined ? null : readYaml(EVIDENCE_FILE, text, log);
  if (!yaml || yaml.raw == null) return { entries: {}, lineOf: noLines };
  const entries = validateYaml(yaml, evidenceOverrides, log) ?? {};
  return { entries, lineOf: yaml.lineOf };
}

/** content/tables.yaml: which deck gets the items generated from each source table. */
export function readTableSettings(text: string | undefined, log: IssueLog): TableSettings {
  const yaml = text === undefined ? null : readYaml(TABLES_FILE, text, log);
  const value = yaml && yaml.raw != null ? validateYaml(yaml, tablesConfig, log) : null;
  return { tables: value?.tables ?? [], retired: value?.retired ?? [], lineOf: yaml?.lineOf ?? noLines };
}

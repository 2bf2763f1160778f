import { type Document, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import type { IssueLog } from "./issues";

export type YamlPath = readonly PropertyKey[];

/** A parsed YAML text that can say on which line any value (or its nearest parent) starts. */
export type YamlFile = {
  file: string;
  raw: unknown;
  /** 1-based file line of the node at `path`; falls back to the closest existing ancestor. */
  lineOf: (path: YamlPath) => number;
};

function lineLocator(doc: Document, counter: LineCounter, firstLine: number) {
  const lineAt = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  return (path: YamlPath): number => {
    for (let depth = path.length; depth > 0; depth--) {
      const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
      const key = path[depth - 1];
      // A mapping entry is reported on its key's line: block values start on the next line.
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
        if (isNode(pair?.key) && pair.key.range) return lineAt(pair.key.range[0]);
      } else if (isSeq(parent) && typeof key === "number") {
        const item = parent.items[key];
        if (isNode(item) && item.range) return lineAt(item.range[0]);
      }
    }
    return isNode(doc.contents) && doc.contents.range ? lineAt(doc.contents.range[0]) : firstLine;
  };
}

/**
 * Parses `text` as YAML, logging syntax errors (including duplicate keys) against `file`.
 * `firstLine` is the file line where `text` starts (front-matter begins on line 2).
 */
export function readYaml(file: string, text: string, log: IssueLog, firstLine = 1): YamlFile | null {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      log.error(file, counter.linePos(e.pos[0]).line + firstLine - 1, `YAML: ${e.message}`);
    }
    return null;
  }
  return { file, raw: doc.toJS(), lineOf: lineLocator(doc, counter, firstLine) };
}

/** Validates `value` (found at `at` inside `yaml`) with `schema`; each zod issue is logged with its line. */
export function validateYaml<S extends z.ZodType>(
  yaml: YamlFile,
  schema: S,
  log: IssueLog,
  value: unknown = yaml.raw,
  at: YamlPath = [],
): z.infer<S> | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const path = [...at, ...issue.path];
    // Point at the offending key itself when zod reports it on the enclosing object.
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
    const linePath = keys.length === 1 ? [...path, keys[0] as string] : path;
    const where = path.length > 0 ? `${path.map(String).join(".")}: ` : "";
    log.error(yaml.file, yaml.lineOf(linePath), `${where}${issue.message}`);
  }
  return null;
}

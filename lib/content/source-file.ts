import type { IssueLog } from "./issues";
import { type SourceFrontMatter, sourceFrontMatter } from "./schema";
import { bodyChecksum } from "./text-hash";
import { readYaml, validateYaml } from "./yaml-file";

/** A source document: front-matter metadata and the text exactly as received. */
export type SourceDocument = {
  slug: string;
  /** Path relative to the repository root, e.g. `content/sources/k2-muscle-cramps.md`. */
  file: string;
  title: string;
  meta: SourceFrontMatter;
  /** Everything after the closing `---` line, byte for byte; quotes are matched against it. */
  body: string;
  /** File line on which the body starts (to turn body lines into file lines). */
  bodyLine: number;
};

const OPEN = "---\n";
const CLOSE = "\n---\n";

/** The slug of a source or deck file: its base name without extension. */
export function slugOfPath(path: string): string {
  return (path.split("/").pop() ?? path).replace(/\.[^.]+$/, "");
}

/**
 * Splits `text` into YAML front-matter and body and validates the front-matter.
 * The body is never trimmed or re-encoded: cards quote it verbatim.
 */
export function parseSourceFile(file: string, text: string, log: IssueLog): SourceDocument | null {
  if (!text.startsWith(OPEN)) {
    log.error(file, 1, "a source starts with a '---' line opening its YAML front-matter");
    return null;
  }
  const close = text.indexOf(CLOSE, OPEN.length - 1);
  if (close < 0) {
    log.error(file, 1, "front-matter is not closed by a '---' line");
    return null;
  }
  const head = text.slice(0, close + CLOSE.length);
  const body = text.slice(head.length);
  const bodyLine = head.split("\n").length;
  const yaml = readYaml(file, text.slice(OPEN.length, close + 1), log, 2);
  const meta = yaml && validateYaml(yaml, sourceFrontMatter, log);
  if (!yaml || !meta) return null;
  if (body.trim().length === 0) log.error(file, bodyLine, "the document body is empty");
  if (meta.checksum && meta.checksum !== bodyChecksum(body)) {
    log.error(
      file,
      yaml.lineOf(["checksum"]),
      `the body no longer matches the document as received (now ${bodyChecksum(body)}); sources must stay unchanged`,
    );
  }
  return { slug: slugOfPath(file), file, title: meta.title, meta, body, bodyLine };
}

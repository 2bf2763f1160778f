import { describe, expect, it } from "vitest";
import { SOURCE_SLUGS, sourceFile } from "./fixtures/files";
import { IssueLog } from "./issues";
import { parseSourceFile } from "./source-file";
import { bodyChecksum } from "./text-hash";

describe("parseSourceFile", () => {
  it.each(SOURCE_SLUGS)("parses %s with a checksum matching its unchanged body", (slug) => {
    const log = new IssueLog();
    const { path, text } = sourceFile(slug);
    const doc = parseSourceFile(path, text, log);
    expect(log.errors).toEqual([]);
    expect(doc?.slug).toBe(slug);
    expect(doc?.meta.checksum).toBe(bodyChecksum(doc?.body ?? ""));
    expect(text.endsWith(doc?.body ?? "-")).toBe(true);
    expect(text.split("\n")[(doc?.bodyLine ?? 0) - 2]).toBe("---");
  });

  it("keeps the body byte for byte, including a missing final newline", () => {
    const doc = parseSourceFile(
      "content/sources/x.md",
      "---\ntitle: X\nkind: blog\noriginalFile: x.txt\n---\n  a\n\nb",
      new IssueLog(),
    );
    expect(doc?.body).toBe("  a\n\nb");
    expect(doc?.bodyLine).toBe(6);
  });

  it("reports front-matter problems on their file line", () => {
    const log = new IssueLog();
    const text = "---\ntitle: X\nkind: novel\noriginalFile: x.txt\nyear: 2022\nauthorr: Y\n---\nbody";
    expect(parseSourceFile("content/sources/x.md", text, log)).toBeNull();
    expect(log.errors.map((e) => [e.file, e.line])).toEqual([
      ["content/sources/x.md", 3],
      ["content/sources/x.md", 6],
    ]);
  });

  it("reports YAML syntax errors and a missing front-matter", () => {
    const log = new IssueLog();
    parseSourceFile("content/sources/x.md", "---\ntitle: X\n  kind: : blog\n---\nbody", log);
    parseSourceFile("content/sources/y.md", "No front-matter", log);
    expect(log.errors.map((e) => `${e.file}:${e.line}`)).toContain("content/sources/y.md:1");
    expect(log.errors.some((e) => e.file === "content/sources/x.md" && e.line >= 2 && e.line <= 3)).toBe(
      true,
    );
  });

  it("fails when the body was edited after the checksum was taken", () => {
    const log = new IssueLog();
    const { path, text } = sourceFile("k2-muscle-cramps");
    parseSourceFile(path, text.replace("muscle cramps—those", "muscle cramps-those"), log);
    expect(log.errors).toHaveLength(1);
    expect(log.errors[0]?.message).toMatch(/no longer matches/);
    expect(log.errors[0]?.line).toBe(6);
  });
});

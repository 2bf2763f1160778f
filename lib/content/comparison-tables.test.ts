import { describe, expect, it } from "vitest";
import { parseComparisonTables } from "./comparison-tables";
import { sourceDocument } from "./fixtures/files";

describe("parseComparisonTables on the real sources", () => {
  it("reads the MK-4 vs MK-7 table that follows a list item with no blank line", () => {
    const { body } = sourceDocument("k2-muscle-growth-mechanisms");
    const [table, ...others] = parseComparisonTables(body);
    expect(others).toHaveLength(0);
    expect(table?.corner).toBe("Feature");
    expect(table?.subjects.map((s) => s.text)).toEqual(["Menaquinone-4 (MK-4)", "Menaquinone-7 (MK-7)"]);
    expect(table?.rows.map((r) => r.feature.text)).toEqual([
      "Sources",
      "Bioavailability & Half-Life",
      "Muscle Benefits",
      "Primary Role",
    ]);
    expect(table?.rows[1]?.cells[1]?.text).toBe(
      "Higher bioavailability and longer half-life. Remains active in the body for several days.",
    );
  });

  it("stops at the first line without a pipe, so the prose after a table is not a row", () => {
    const { body } = sourceDocument("k2-muscle-cramps");
    const [table] = parseComparisonTables(body);
    expect(table?.subjects.map((s) => s.text)).toEqual(["Vitamin K2", "Magnesium", "Calcium", "Vitamin D"]);
    expect(table?.rows.map((r) => r.feature.text)).toEqual([
      "Primary Function",
      "Mechanism for Cramps",
      "Evidence for Cramps",
      "Dietary Sources",
    ]);
    expect(table?.rows.every((r) => r.cells.length === 4 && r.cells.every(Boolean))).toBe(true);
  });

  it("gives verbatim cell text with its offsets and line in the body", () => {
    const { body } = sourceDocument("k2-healthy-circulation");
    const [table] = parseComparisonTables(body);
    const cell = table?.rows[2]?.cells[0];
    expect(cell?.text).toBe("Liver, heart, and pancreas");
    expect(body.slice(cell?.start, cell?.end)).toBe("Liver, heart, and pancreas");
    expect(body.split("\n")[(cell?.line ?? 0) - 1]).toContain("| Location in the Body |");
    expect(table?.line).toBe(15);
    const text = body.slice(table?.start, table?.end);
    expect(text.startsWith("| Feature | Vitamin K1")).toBe(true);
    expect(text.endsWith("improves arterial elasticity | ")).toBe(true);
  });

  it("finds no table in documents without one (a line starting with a pipe is not a table)", () => {
    expect(parseComparisonTables(sourceDocument("k2-muscle-health-blog").body)).toEqual([]);
    expect(parseComparisonTables(sourceDocument("vitamin-k-bone-muscle-review").body)).toEqual([]);
  });
});

describe("parseComparisonTables edge cases", () => {
  it("numbers several tables, keeps escaped pipes, and skips empty cells", () => {
    const body = [
      "Intro",
      "| | A | B |",
      "|---|---|---|",
      "| Size | big \\| bold | |",
      "",
      "| Feature | X | Y |",
      "| :-- | --: | :-: |",
      "| Cost | low | high |",
    ].join("\n");
    const tables = parseComparisonTables(body);
    expect(tables.map((t) => t.index)).toEqual([1, 2]);
    expect(tables[0]?.rows[0]?.cells.map((c) => c?.text ?? null)).toEqual(["big \\| bold", null]);
    expect(tables[1]?.line).toBe(6);
    expect(tables[1]?.rows[0]?.cells.map((c) => c?.text)).toEqual(["low", "high"]);
  });
});

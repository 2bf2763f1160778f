import { describe, expect, it } from "vitest";
import { parseComparisonTables } from "./comparison-tables";
import { sourceDocument } from "./fixtures/files";
import { itemId, type TableAssignment } from "./schema";
import { idSegment, tableItems } from "./table-items";

const doc = sourceDocument("k2-muscle-growth-mechanisms");
const assignment: TableAssignment = {
  document: doc.slug,
  table: 1,
  deck: "mk4-vs-mk7",
  evidence: "background",
};
const generate = (body = doc.body, curated = {}, retired = new Set<string>()) => {
  const [table] = parseComparisonTables(body);
  if (!table) throw new Error("no table");
  return tableItems({ slug: doc.slug, title: doc.title }, table, assignment, curated, retired);
};

describe("tableItems", () => {
  it("makes one card per row × column, asking the subject's feature and quoting the cell", () => {
    const { cards } = generate();
    expect(cards).toHaveLength(8);
    const card = cards.find(
      (c) => c.id === "k2-muscle-growth-mechanisms.bioavailability-half-life.menaquinone-7-mk-7",
    );
    expect(card?.front).toBe(
      `In the comparison table of "${doc.title}", what does the "Bioavailability & Half-Life" row give for Menaquinone-7 (MK-7)?`,
    );
    expect(card?.back).toBe(
      "Higher bioavailability and longer half-life. Remains active in the body for several days.",
    );
    expect(card?.sources).toEqual([{ document: doc.slug, quote: card?.back }]);
    expect(cards.every((c) => itemId.safeParse(c.id).success)).toBe(true);
  });

  it("keeps every id when a cell's text is edited", () => {
    const before = generate();
    const edited = doc.body.replace("Stays in the body for only a few hours.", "Gone within hours.");
    expect(edited).not.toBe(doc.body);
    const after = generate(edited);
    expect(after.cards.map((c) => c.id)).toEqual(before.cards.map((c) => c.id));
    expect(after.quiz.map((q) => q.id)).toEqual(before.quiz.map((q) => q.id));
    expect(after.cards[2]?.back).toBe("Lower bioavailability and shorter half-life. Gone within hours.");
  });

  it("labels each cell from its cue words, else the table default, and lets curation win", () => {
    const benefitsMk4 = "k2-muscle-growth-mechanisms.muscle-benefits.menaquinone-4-mk-4";
    const benefitsMk7 = "k2-muscle-growth-mechanisms.muscle-benefits.menaquinone-7-mk-7";
    const byId = (items: ReturnType<typeof generate>) => new Map(items.cards.map((c) => [c.id, c]));
    const plain = byId(generate());
    expect(plain.get(benefitsMk4)).toMatchObject({ evidence: "animal", evidenceFrom: "cue" });
    expect(plain.get(benefitsMk7)).toMatchObject({ evidence: "background", evidenceFrom: "table" });
    const curated = byId(
      generate(doc.body, { [benefitsMk7]: { evidence: "mechanism", reason: "half-life argument" } }),
    );
    expect(curated.get(benefitsMk7)).toMatchObject({ evidence: "mechanism", evidenceFrom: "curated" });
  });

  it("makes a matching item per row that keeps an animal finding visible", () => {
    const { quiz } = generate();
    expect(quiz.map((q) => q.id)).toEqual([
      "k2-muscle-growth-mechanisms.sources.matching",
      "k2-muscle-growth-mechanisms.bioavailability-half-life.matching",
      "k2-muscle-growth-mechanisms.muscle-benefits.matching",
      "k2-muscle-growth-mechanisms.primary-role.matching",
    ]);
    const benefits = quiz[2];
    expect(benefits?.evidence).toBe("animal");
    expect(benefits?.explanation).toMatch(/Menaquinone-4 \(MK-4\) entry rests on animal evidence/);
    expect(benefits?.pairs?.map((p) => p.left)).toEqual(["Menaquinone-4 (MK-4)", "Menaquinone-7 (MK-7)"]);
    expect(benefits?.cards).toEqual([
      "k2-muscle-growth-mechanisms.muscle-benefits.menaquinone-4-mk-4",
      "k2-muscle-growth-mechanisms.muscle-benefits.menaquinone-7-mk-7",
    ]);
    expect(quiz[0]?.evidence).toBe("background");
  });

  it("marks retired ids", () => {
    const id = "k2-muscle-growth-mechanisms.sources.menaquinone-4-mk-4";
    const { cards } = generate(doc.body, {}, new Set([id]));
    expect(cards.filter((c) => c.retired).map((c) => c.id)).toEqual([id]);
  });
});

describe("idSegment", () => {
  it("turns headers into id-safe words", () => {
    expect(idSegment("Bioavailability & Half-Life")).toBe("bioavailability-half-life");
    expect(idSegment("Vitamin K1 (Phylloquinone)")).toBe("vitamin-k1-phylloquinone");
    expect(idSegment("Évidence")).toBe("evidence");
    expect(idSegment("%")).toMatch(/^h[0-9a-f]{8}$/);
  });
});

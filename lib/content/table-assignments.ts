import type { z } from "zod";
import { parseComparisonTables } from "./comparison-tables";
import type { ItemEntry } from "./content-checks";
import { type CuratedEvidence, TABLES_FILE, type TableSettings } from "./content-config";
import type { IssueLog } from "./issues";
import { cardSchema, quizSchema } from "./schema";
import type { SourceDocument } from "./source-file";
import { tableItems } from "./table-items";

const zodSummary = (error: z.ZodError) =>
  error.issues.map((issue) => `${issue.path.join(".") || "item"}: ${issue.message}`).join("; ");

export type AssignedItems = {
  entries: ItemEntry[];
  /** Ids generated for a table whose deck is missing: known, so evidence.yaml entries are not stale. */
  unplaced: Set<string>;
};

/**
 * Generates the cards and quiz items of every table listed in content/tables.yaml, as entries of
 * the deck named there. Errors about a generated item point at its row in the source file.
 */
export function assignedTableItems(
  settings: TableSettings,
  documents: ReadonlyMap<string, SourceDocument>,
  deckSlugs: ReadonlySet<string>,
  curated: CuratedEvidence,
  log: IssueLog,
): AssignedItems {
  const result: AssignedItems = { entries: [], unplaced: new Set() };
  const retired = new Set(settings.retired);
  for (const [i, assignment] of settings.tables.entries()) {
    const at = (field: string) => settings.lineOf(["tables", i, field]);
    const doc = documents.get(assignment.document);
    const table = doc && parseComparisonTables(doc.body)[assignment.table - 1];
    if (!doc || !table) {
      const problem = doc
        ? `${doc.slug} has no table ${assignment.table}`
        : `no source "${assignment.document}"`;
      log.error(TABLES_FILE, at(doc ? "table" : "document"), problem);
      continue;
    }
    const items = tableItems(doc, table, assignment, curated.entries, retired);
    if (!deckSlugs.has(assignment.deck)) {
      for (const item of [...items.cards, ...items.quiz]) result.unplaced.add(item.id);
      // A warning, not an error: tables.yaml may name a deck before its file is written.
      const count = items.cards.length + items.quiz.length;
      log.warn(
        TABLES_FILE,
        at("deck"),
        `no deck "${assignment.deck}"; its ${count} generated items are left out`,
      );
      continue;
    }
    const place = (bodyLine: number) => {
      const line = doc.bodyLine + bodyLine - 1;
      return { deck: assignment.deck, file: doc.file, line, lineOf: () => line, generated: true };
    };
    for (const { bodyLine, evidenceFrom, ...card } of items.cards) {
      const parsed = cardSchema.safeParse(card);
      if (parsed.success)
        result.entries.push({ ...place(bodyLine), type: "card", value: parsed.data, evidenceFrom });
      else log.error(doc.file, place(bodyLine).line, `${card.id}: ${zodSummary(parsed.error)}`);
    }
    for (const { bodyLine, evidenceFrom, ...quiz } of items.quiz) {
      const parsed = quizSchema.safeParse(quiz);
      if (parsed.success)
        result.entries.push({ ...place(bodyLine), type: "quiz", value: parsed.data, evidenceFrom });
      else log.error(doc.file, place(bodyLine).line, `${quiz.id}: ${zodSummary(parsed.error)}`);
    }
  }
  const generated = new Set(result.entries.map((e) => e.value.id));
  for (const [i, id] of (settings.retired ?? []).entries()) {
    if (!generated.has(id) && !result.unplaced.has(id)) {
      log.error(TABLES_FILE, settings.lineOf(["retired", i]), `retired id "${id}" is not generated`);
    }
  }
  return result;
}

import type { ComparisonTable, TableCell } from "./comparison-tables";
import { isStronger, NON_HUMAN_LEVELS } from "./evidence-cues";
import { suggestQuoteEvidence } from "./quote-evidence";
import type { CardInput, EvidenceLevel, EvidenceOverride, QuizInput, TableAssignment } from "./schema";
import { fnv1a64 } from "./text-hash";

/** Where a generated level came from: content/evidence.yaml, cue words in the cell, or the table default. */
export type EvidenceOrigin = "curated" | "cue" | "table";
export type Generated<T> = T & { bodyLine: number; evidenceFrom: EvidenceOrigin };
export type TableItems = { cards: Array<Generated<CardInput>>; quiz: Array<Generated<QuizInput>> };

/** One id segment from a header: "Bioavailability & Half-Life" → "bioavailability-half-life". */
export function idSegment(header: string): string {
  const words = header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .match(/[a-z0-9]+/g);
  return words ? words.join("-") : `h${fnv1a64(header).slice(0, 8)}`;
}

/** Id of the card for one cell: document + row header + column header, never the cell text. */
export function tableCardId(document: string, feature: string, subject: string): string {
  return `${document}.${idSegment(feature)}.${idSegment(subject)}`;
}

/** Id of the matching quiz item for one table row. */
export function tableQuizId(document: string, feature: string): string {
  return `${document}.${idSegment(feature)}.matching`;
}

/**
 * A row mixes levels (MK-4: cell studies, MK-7: background). Its quiz item keeps any animal or cell
 * level visible rather than letting a human or background label hide it; otherwise it takes the
 * weakest level of its cards, so no cell is over-claimed.
 */
function rowEvidence<L extends EvidenceLevel>(levels: L[]): L {
  const nonHuman = NON_HUMAN_LEVELS.find((l) => (levels as EvidenceLevel[]).includes(l));
  const kept = levels.find((l) => l === nonHuman);
  if (kept) return kept;
  return levels.reduce((weakest, l) => (isStronger(weakest, l) ? l : weakest));
}

const listOf = (names: string[]) =>
  names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;

type DocumentRef = { slug: string; title: string };
type Pair = { subject: TableCell; cell: TableCell; card: Generated<CardInput> };
type Context = {
  doc: DocumentRef;
  assignment: TableAssignment;
  curated: Readonly<Record<string, EvidenceOverride>>;
  retired: ReadonlySet<string>;
};

function shared(ctx: Context, id: string) {
  return {
    // A table cell is the document's own summary with no study named beside it.
    caveat: "claim" as const,
    ...(ctx.assignment.topic ? { topic: ctx.assignment.topic } : {}),
    ...(ctx.retired.has(id) ? { retired: true } : {}),
  };
}

function cellCard(
  ctx: Context,
  feature: TableCell,
  subject: TableCell,
  cell: TableCell,
): Generated<CardInput> {
  const id = tableCardId(ctx.doc.slug, feature.text, subject.text);
  const curated = ctx.curated[id]?.evidence;
  const cued = suggestQuoteEvidence(cell.text).level;
  return {
    id,
    kind: "basic",
    // A whole question, not "Calcium: Dietary Sources?": the learner sees what is asked and where from.
    front: `In the comparison table of "${ctx.doc.title}", what does the "${feature.text}" row give for ${subject.text}?`,
    back: cell.text,
    evidence: curated ?? cued ?? ctx.assignment.evidence,
    sources: [{ document: ctx.doc.slug, quote: cell.text }],
    ...shared(ctx, id),
    bodyLine: cell.line,
    evidenceFrom: curated ? "curated" : cued ? "cue" : "table",
  };
}

function rowQuiz(ctx: Context, feature: TableCell, pairs: Pair[]): Generated<QuizInput> {
  const id = tableQuizId(ctx.doc.slug, feature.text);
  const curated = ctx.curated[id]?.evidence;
  const caveats = pairs
    .filter((p) => NON_HUMAN_LEVELS.includes(p.card.evidence))
    .map((p) => ` The ${p.subject.text} entry rests on ${p.card.evidence} evidence, not human studies.`);
  return {
    id,
    kind: "matching",
    prompt: `Compare ${listOf(pairs.map((p) => p.subject.text))}: match each to its "${feature.text}".`,
    choices: pairs.map((p) => p.cell.text),
    pairs: pairs.map((p) => ({ left: p.subject.text, right: p.cell.text })),
    explanation: `From the comparison table in "${ctx.doc.title}".${caveats.join("")}`,
    evidence: curated ?? rowEvidence(pairs.map((p) => p.card.evidence)),
    sources: pairs.map((p) => ({ document: ctx.doc.slug, quote: p.cell.text })),
    cards: pairs.map((p) => p.card.id),
    ...shared(ctx, id),
    bodyLine: feature.line,
    evidenceFrom: curated ? "curated" : "table",
  };
}

/**
 * Cards (one per row feature × column subject) and one matching quiz item per row for a table.
 * A card's level comes from content/evidence.yaml, else from cue words in its cell, else from the
 * table's default in content/tables.yaml. `retired` holds the generated ids no longer studied.
 */
export function tableItems(
  doc: DocumentRef,
  table: ComparisonTable,
  assignment: TableAssignment,
  curated: Readonly<Record<string, EvidenceOverride>>,
  retired: ReadonlySet<string>,
): TableItems {
  const ctx: Context = { doc, assignment, curated, retired };
  const items: TableItems = { cards: [], quiz: [] };
  for (const row of table.rows) {
    const pairs = table.subjects.flatMap((subject, column): Pair[] => {
      const cell = row.cells[column];
      return cell ? [{ subject, cell, card: cellCard(ctx, row.feature, subject, cell) }] : [];
    });
    items.cards.push(...pairs.map((p) => p.card));
    // A matching item needs two pairs; a row with one filled cell still yields its card.
    if (pairs.length >= 2) items.quiz.push(rowQuiz(ctx, row.feature, pairs));
  }
  return items;
}

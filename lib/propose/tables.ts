import type { ComparisonTable, TableCell } from "../content/comparison-tables";
import { suggestQuoteEvidence } from "../content/quote-evidence";
import { tableItems } from "../content/table-items";
import { documentSegment } from "./ids";
import type { CardProposal, ProposalSource, QuizProposal, SuggestedEvidence } from "./types";

const source = (document: string, cell: TableCell): ProposalSource => ({
  document,
  quote: cell.text,
  start: cell.start,
  end: cell.end,
  line: cell.line,
});

function suggestedFor(quotes: string[], level: SuggestedEvidence["level"]): SuggestedEvidence {
  const cued = quotes.map(suggestQuoteEvidence);
  const cues = cued.flatMap((c) => c.cues);
  return {
    level,
    from: cues.length > 0 ? "cue" : "default",
    cues,
    disclaimed: cued.flatMap((c) => c.disclaimed),
  };
}

/**
 * Comparison tables through the content pipeline's own generator (lib/content/table-items.ts):
 * one basic card per cell and one matching item per row, with the same ids content:export uses.
 * Cells that name no study design default to background.
 */
export function tableProposals(
  document: string,
  title: string,
  table: ComparisonTable,
): { cards: CardProposal[]; quiz: QuizProposal[] } {
  const slug = documentSegment(document);
  const items = tableItems(
    { slug, title },
    table,
    { document: slug, table: table.index, deck: slug, evidence: "background" },
    {},
    new Set(),
  );
  // tableItems walks rows × subjects in order; walk the same way to recover each cell's range.
  const cells = table.rows.flatMap((row) =>
    table.subjects.flatMap((subject, column) => {
      const cell = row.cells[column];
      return cell ? [{ row, subject, cell }] : [];
    }),
  );
  const topic = table.corner || undefined;
  const cards: CardProposal[] = items.cards.map((card, i) => {
    const { cell } = cells[i] as (typeof cells)[number];
    const src = source(document, cell);
    const level = card.evidence;
    return {
      id: card.id,
      target: "card",
      proposal: "comparison-cell",
      claim: "table-cell",
      kind: "basic",
      front: card.front,
      back: card.back,
      evidence: level,
      suggested: suggestedFor([cell.text], level),
      quote: cell.text,
      range: { start: cell.start, end: cell.end, line: cell.line },
      sources: [src],
      // Content items quote at least 8 characters; a shorter cell ("Natto.") needs another quote.
      needsCheck: cell.text.length < 8,
      ...(cell.text.length < 8
        ? { checkReason: "The cell is too short to quote alone; quote a longer passage." }
        : {}),
      ...(topic ? { topic } : {}),
      // A cell is the document's own summary with no study named beside it (as tableItems says).
      caveat: "claim",
    };
  });
  // One matching item per row with two or more filled cells, in row order.
  const quizRows = table.rows.filter((row) => cells.filter((c) => c.row === row).length >= 2);
  const quiz: QuizProposal[] = items.quiz.map((item, i) => {
    const sources = cells.filter((c) => c.row === quizRows[i]).map((c) => source(document, c.cell));
    const first = sources[0] as ProposalSource;
    const level = item.evidence;
    return {
      id: item.id,
      target: "quiz",
      proposal: "matching",
      claim: "table-row",
      kind: "matching",
      prompt: item.prompt,
      choices: item.choices,
      ...(item.pairs ? { pairs: item.pairs } : {}),
      explanation: item.explanation,
      cards: item.cards,
      evidence: level,
      suggested: suggestedFor(
        sources.map((s) => s.quote),
        level,
      ),
      quote: first.quote,
      range: { start: first.start, end: first.end, line: first.line },
      sources,
      needsCheck: false,
      ...(topic ? { topic } : {}),
      // A cell is the document's own summary with no study named beside it (as tableItems says).
      caveat: "claim",
    };
  });
  return { cards, quiz };
}

import type { ContentEvidenceLevel } from "../content/evidence";
import { CONTENT_EVIDENCE_LEVELS } from "../content/evidence";
import { isHumanLevel } from "../content/evidence-cues";
import { findQuote, normalizeQuote } from "../content/quotes";
import type { Proposal, ProposalSet } from "./types";

/** A curated quote with the level its deck item carries: the reference a proposal is judged by. */
export type ReferenceClaim = {
  document: string;
  quote: string;
  /** Every level the curated items citing this quote carry (usually one). */
  levels: ContentEvidenceLevel[];
  /** The quote is a table cell (judged apart from prose sentences). */
  table: boolean;
};

export type EvaluatedDocument = { document: string; text: string; proposals: ProposalSet };

export type LevelScore = {
  level: ContentEvidenceLevel;
  reference: number;
  predicted: number;
  agreed: number;
  precision: number;
  recall: number;
};

export type Evaluation = {
  proposals: number;
  verbatim: number;
  /** Reference claims found in the extracted text (the rest cannot be scored). */
  references: number;
  covered: number;
  coverage: number;
  /** Prose claims with a covering proposal: how many have the reference level. */
  levelJudged: number;
  levelAgreed: number;
  levelAgreement: number;
  /** Proposals on an animal or cell reference claim that suggest a human level (must be 0). */
  humanOnNonHuman: number;
  unusable: number;
  unusableShare: number;
  perLevel: LevelScore[];
  missed: Array<{ document: string; quote: string }>;
  disagreements: Array<{
    document: string;
    quote: string;
    expected: ContentEvidenceLevel[];
    got: ContentEvidenceLevel;
    cues: string[];
  }>;
  unusableExamples: Array<{ id: string; reason: string; quote: string }>;
};

type Span = { start: number; end: number };
const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * Why a proposal would be thrown away by an author, or null: a quote that is a fragment, a
 * heading or boilerplate; a cloze that hides most of its sentence; a card whose front gives its
 * back away. Judged from the proposal alone, the same way for every document.
 */
export function unusableReason(p: Proposal, text: string): string | null {
  const words = p.quote.split(/\s+/).length;
  if (p.proposal !== "comparison-cell" && p.proposal !== "matching") {
    if (words < 4) return "fragment";
    if (!/[.!?)"”’]$/.test(p.quote) && !/^\s*(?:[-*•]|\d+[.)])\s/.test(lineOf(text, p.range.start)))
      return "no sentence end";
    const line = lineOf(text, p.range.start).trim();
    if (line === p.quote && !/[.!?]["'”’)]?$/.test(line) && words <= 14) return "heading";
  }
  if (
    /\b(?:click|subscribe|newsletter|cookies?|copyright|all rights reserved|share this)\b|https?:\/\//i.test(
      p.quote,
    )
  )
    return "boilerplate";
  if (p.target === "card" && p.kind === "cloze") {
    const hidden = /\{\{c1::(.*?)\}\}/.exec(p.front)?.[1] ?? "";
    if (hidden.length === 0 || hidden.length > p.quote.length * 0.6) return "cloze hides too much";
  }
  if (p.target === "card" && p.kind !== "cloze" && normalizeQuote(p.front) === normalizeQuote(p.back))
    return "front equals back";
  return null;
}

function lineOf(text: string, at: number): string {
  const start = text.lastIndexOf("\n", at - 1) + 1;
  const end = text.indexOf("\n", at);
  return text.slice(start, end < 0 ? text.length : end);
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/**
 * Scores proposals against curated reference claims. A reference is covered when proposals'
 * quotes overlap at least half of it; its suggested level is that of the proposal (card first)
 * overlapping it most. Levels count as agreeing when the suggestion is one of the curated levels.
 */
export function evaluateProposals(docs: EvaluatedDocument[], references: ReferenceClaim[]): Evaluation {
  const all = docs.flatMap((d) => [...d.proposals.cards, ...d.proposals.quiz].map((p) => ({ doc: d, p })));
  const verbatim = all.filter(
    ({ doc, p }) =>
      p.sources.every((s) => doc.text.slice(s.start, s.end) === s.quote) &&
      doc.text.slice(p.range.start, p.range.end) === p.quote,
  ).length;
  const unusable = all.flatMap(({ doc, p }) => {
    const reason = unusableReason(p, doc.text);
    return reason ? [{ id: p.id, reason, quote: p.quote }] : [];
  });

  let found = 0;
  let covered = 0;
  let humanOnNonHuman = 0;
  const missed: Evaluation["missed"] = [];
  const disagreements: Evaluation["disagreements"] = [];
  const judged: Array<{ expected: ContentEvidenceLevel[]; got: ContentEvidenceLevel }> = [];
  for (const ref of references) {
    const doc = docs.find((d) => d.document === ref.document);
    const range = doc && findQuote(doc.text, ref.quote);
    if (!doc || !range) continue;
    found++;
    const hits = [...doc.proposals.cards, ...doc.proposals.quiz].filter((p) => overlap(p.range, range) > 0);
    const overlapped = new Set<number>();
    for (const p of hits)
      for (let i = Math.max(p.range.start, range.start); i < Math.min(p.range.end, range.end); i++)
        overlapped.add(i);
    const nonHuman = ref.levels.every((l) => l === "animal" || l === "in-vitro");
    if (nonHuman) humanOnNonHuman += hits.filter((p) => isHumanLevel(p.evidence)).length;
    if (overlapped.size * 2 < range.end - range.start) {
      missed.push({ document: ref.document, quote: ref.quote });
      continue;
    }
    covered++;
    if (ref.table) continue;
    const best = [...hits].sort(
      (a, b) => overlap(b.range, range) - overlap(a.range, range) || (a.target === "card" ? -1 : 1),
    )[0] as Proposal;
    judged.push({ expected: ref.levels, got: best.evidence });
    if (!ref.levels.includes(best.evidence)) {
      disagreements.push({
        document: ref.document,
        quote: ref.quote,
        expected: ref.levels,
        got: best.evidence,
        cues: best.suggested.cues.map((c) => c.word),
      });
    }
  }
  const agreed = judged.filter((j) => j.expected.includes(j.got)).length;
  const perLevel: LevelScore[] = CONTENT_EVIDENCE_LEVELS.map((level) => {
    // A reference with several curated levels counts for the one predicted when it is among them.
    const refOf = (j: (typeof judged)[number]) => (j.expected.includes(j.got) ? j.got : j.expected[0]);
    const reference = judged.filter((j) => refOf(j) === level).length;
    const predicted = judged.filter((j) => j.got === level).length;
    const hit = judged.filter((j) => j.got === level && refOf(j) === level).length;
    return {
      level,
      reference,
      predicted,
      agreed: hit,
      precision: ratio(hit, predicted),
      recall: ratio(hit, reference),
    };
  });
  return {
    proposals: all.length,
    verbatim,
    references: found,
    covered,
    coverage: ratio(covered, found),
    levelJudged: judged.length,
    levelAgreed: agreed,
    levelAgreement: ratio(agreed, judged.length),
    humanOnNonHuman,
    unusable: unusable.length,
    unusableShare: ratio(unusable.length, all.length),
    perLevel,
    missed,
    disagreements,
    unusableExamples: unusable,
  };
}

import { parseComparisonTables } from "../content/comparison-tables";

/** One sentence of the document text, with its verbatim offsets (end exclusive) and 1-based line. */
export type Sentence = {
  text: string;
  start: number;
  end: number;
  line: number;
  /** 0-based position among all sentences. */
  index: number;
  /** The sentence is (in) a list item, e.g. "- Regulating calcium: research suggests …". */
  listItem: boolean;
  /** The sentence opens its line (after any list marker and label). */
  first: boolean;
  /** Text before ": " when a list item or line starts with a label ("Regulating Intracellular Calcium", "Results"). */
  label?: string;
  /** The nearest heading line above it. */
  heading?: string;
};

export type Segmented = {
  sentences: Sentence[];
  /** Lines that read as headings, navigation or boilerplate; never proposed. */
  skipped: number;
};

const LIST_MARKER = /^\s*(?:[-*•+]|\d{1,2}[.)])\s+/;
const TERMINAL = /[.!?]["'”’)]?\s*$/;
// A sentence ends at . ! ? followed by space and a capital, digit or opening quote, unless the
// period belongs to a common abbreviation or an initial.
const BOUNDARY = /(?<=[.!?]["'”’)]?)\s+(?=["'“‘(]?[A-Z0-9])/g;
const ABBREVIATION = /(?:\b(?:e\.g|i\.e|vs|etc|Dr|Mr|Mrs|Ms|Prof|Fig|al|approx|No|St|cf|U\.S)\.|\b[A-Z]\.)$/;

const REFERENCES_HEADING =
  /^(?:\d+\.?\s*)?(?:references?|bibliography|works cited|citations?|literature cited|further reading|footnotes|endnotes|acknowledge?ments?|conflicts? of interest|funding|author contributions?|related (?:posts|articles))\s*:?$/i;

const SMALL_WORDS =
  /^(?:a|an|the|and|or|but|of|in|on|at|to|for|with|from|by|vs\.?|as|into|how|what|why|is|are)$/i;

/** Share of capitalized words among a line's words, small words left out ("Stronger Bones for Heavier Lifts" → 1). */
export function titleCaseShare(line: string): number {
  const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w) && !SMALL_WORDS.test(w));
  if (words.length === 0) return 0;
  return words.filter((w) => /^["'“(]?\p{Lu}/u.test(w)).length / words.length;
}

/**
 * A line that introduces the text below it rather than stating something: a Markdown heading,
 * or a short line without a sentence end in title case or without a verb (`hasClause` decides;
 * the default says every unpunctuated short line is a heading).
 */
export function isHeadingLine(line: string, hasClause: (line: string) => boolean = () => false): boolean {
  const text = line.trim();
  if (text.length === 0) return false;
  if (/^#{1,6}\s/.test(text)) return true;
  if (LIST_MARKER.test(line)) return false;
  if (TERMINAL.test(text) || text.endsWith(":")) return false;
  if (text.split(/\s+/).length > 14) return false;
  return titleCaseShare(text) >= 0.6 || !hasClause(text);
}

function splitLine(line: string, offset: number): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  let from = 0;
  const push = (to: number) => {
    const raw = line.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) out.push({ text, start: offset + from + lead, end: offset + from + lead + text.length });
  };
  for (const m of line.matchAll(BOUNDARY)) {
    const before = line.slice(0, m.index);
    if (ABBREVIATION.test(before)) continue;
    push(m.index);
    from = m.index + m[0].length;
  }
  push(line.length);
  return out;
}

/**
 * Splits normalized document text into sentences with exact offsets. Lines are blocks (the
 * extracted text keeps one paragraph, list item or heading per line); table lines are left to the
 * table reader; headings are remembered as context, not returned.
 */
export function segmentSentences(text: string, hasClause?: (line: string) => boolean): Segmented {
  const tables = parseComparisonTables(text).map((t) => [t.start, t.end] as const);
  const sentences: Sentence[] = [];
  let skipped = 0;
  let heading: string | undefined;
  let inReferences = false;
  let offset = 0;
  let lineNo = 0;
  for (const line of text.split("\n")) {
    lineNo++;
    const lineStart = offset;
    offset += line.length + 1;
    if (tables.some(([s, e]) => lineStart >= s && lineStart < e)) continue;
    if (line.trim().length === 0) continue;
    // A pipe line outside a table is an image caption or pull quote of a web page: decoration.
    if (line.trimStart().startsWith("|")) {
      skipped++;
      continue;
    }
    if (isHeadingLine(line, hasClause)) {
      heading = line.trim().replace(/^#{1,6}\s+/, "");
      inReferences = REFERENCES_HEADING.test(heading);
      skipped++;
      continue;
    }
    // Everything under "References" (up to the next heading) is citations, not claims.
    if (inReferences) {
      skipped++;
      continue;
    }
    const marker = LIST_MARKER.exec(line);
    const listItem = marker !== null;
    let bodyStart = marker ? marker[0].length : 0;
    let label: string | undefined;
    // A list item's label ("Egg yolks: …") or a short section label ("Results: …", "Note: …").
    const labelled = (
      listItem ? /^([^.:!?]{2,80}):\s+/ : /^([A-Z][A-Za-z-]*(?: [A-Za-z-]+){0,2}):\s+(?=["“(]?[A-Z0-9])/
    ).exec(line.slice(bodyStart));
    if (labelled) {
      label = (labelled[1] as string).trim();
      bodyStart += labelled[0].length;
    }
    for (const [i, part] of splitLine(line.slice(bodyStart), lineStart + bodyStart).entries()) {
      sentences.push({
        ...part,
        first: i === 0,
        line: lineNo,
        index: sentences.length,
        listItem,
        ...(label ? { label } : {}),
        ...(heading ? { heading } : {}),
      });
    }
  }
  return { sentences, skipped };
}

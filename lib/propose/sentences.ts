import { parseComparisonTables } from "../content/comparisonTables";

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
  /** Text before ": " when a list item starts with a label ("Regulating Intracellular Calcium"). */
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

/** A line that introduces the text below it rather than stating something. */
export function isHeadingLine(line: string): boolean {
  const text = line.trim();
  if (text.length === 0) return false;
  if (/^#{1,6}\s/.test(text)) return true;
  if (TERMINAL.test(text) || text.endsWith(":")) return false;
  return text.split(/\s+/).length <= 14;
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
export function segmentSentences(text: string): Segmented {
  const tables = parseComparisonTables(text).map((t) => [t.start, t.end] as const);
  const sentences: Sentence[] = [];
  let skipped = 0;
  let heading: string | undefined;
  let offset = 0;
  let lineNo = 0;
  for (const line of text.split("\n")) {
    lineNo++;
    const lineStart = offset;
    offset += line.length + 1;
    if (tables.some(([s, e]) => lineStart >= s && lineStart < e)) continue;
    if (line.trim().length === 0) continue;
    if (isHeadingLine(line)) {
      heading = line.trim().replace(/^#{1,6}\s+/, "");
      skipped++;
      continue;
    }
    const marker = LIST_MARKER.exec(line);
    const listItem = marker !== null;
    let bodyStart = marker ? marker[0].length : 0;
    let label: string | undefined;
    const labelled = /^([^.:!?]{2,80}):\s+/.exec(line.slice(bodyStart));
    if (listItem && labelled) {
      label = (labelled[1] as string).trim();
      bodyStart += labelled[0].length;
    }
    for (const part of splitLine(line.slice(bodyStart), lineStart + bodyStart)) {
      sentences.push({
        ...part,
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

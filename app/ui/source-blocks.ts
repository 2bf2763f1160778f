import { parseComparisonTables } from "@/lib/content/comparison-tables";

/** Displayed text and where it starts in the document body, so quotes can be marked by offset. */
export interface TextSpan {
  text: string;
  start: number;
}

export interface ListItem {
  span: TextSpan;
  children: ListItem[];
}

export type SourceBlock =
  | { type: "heading" | "paragraph" | "caption"; span: TextSpan }
  | { type: "list"; items: ListItem[] }
  | { type: "table"; head: TextSpan[]; rows: Array<Array<TextSpan | null>> };

const LIST_ITEM = /^(\s*)(?:[-*•]|\d+[.)])\s+/;
// The sources are pasted web pages: headings survive only as short lines with no sentence
// punctuation, so a line reads as a heading when it looks like a title, not like a sentence.
const SENTENCE_MARK = /[.!?:;,*]\s*$|[a-z]{3,}\. [A-Z]|https?:\/\/|,.*,/;

function looksLikeHeading(text: string): boolean {
  const words = text.split(/\s+/).length;
  return text.length <= 80 && words <= 12 && /^[A-Z0-9]/.test(text) && !SENTENCE_MARK.test(text);
}

/** Trimmed text of body[from, to) as a span, or null when it is blank. */
function spanOf(body: string, from: number, to: number): TextSpan | null {
  const raw = body.slice(from, to);
  const text = raw.trim();
  if (!text) return null;
  return { text, start: from + raw.indexOf(text) };
}

function nestItems(flat: ReadonlyArray<{ indent: number; span: TextSpan }>): ListItem[] {
  const root: ListItem[] = [];
  const open: Array<{ indent: number; item: ListItem }> = [];
  for (const { indent, span } of flat) {
    // Items of one level differ by a stray space in the sources; two or more spaces nest.
    while (open.length && indent < (open[open.length - 1]?.indent ?? 0) + 2) open.pop();
    const item: ListItem = { span, children: [] };
    (open[open.length - 1]?.item.children ?? root).push(item);
    open.push({ indent, item });
  }
  return root;
}

/**
 * Reads a source body (plain text with some GFM tables and "- " / "•" list lines) into blocks:
 * one block per line except lists and tables, which group their lines. Every displayed piece of
 * text keeps its body offset; nothing is rewritten, so quotes found in the body can be marked.
 */
export function sourceBlocks(body: string): SourceBlock[] {
  const lines = body.split("\n");
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const tables = new Map(parseComparisonTables(body).map((table) => [table.line, table]));
  const blocks: SourceBlock[] = [];
  let listLines: Array<{ indent: number; span: TextSpan }> = [];
  const flushList = () => {
    if (listLines.length) blocks.push({ type: "list", items: nestItems(listLines) });
    listLines = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const lineStart = starts[i] ?? 0;
    const table = tables.get(i + 1);
    if (table) {
      flushList();
      const cornerAt = line.indexOf(table.corner);
      const head = [{ text: table.corner, start: lineStart + Math.max(0, cornerAt) }, ...table.subjects];
      const rows = table.rows.map((row) => [row.feature, ...row.cells]);
      blocks.push({ type: "table", head, rows });
      const lastLine = Math.max(table.line + 1, ...table.rows.map((row) => row.feature.line));
      i = lastLine - 1;
      continue;
    }
    const marker = LIST_ITEM.exec(line);
    if (marker) {
      const span = spanOf(body, lineStart + marker[0].length, lineStart + line.length);
      if (span) listLines.push({ indent: marker[1]?.length ?? 0, span });
      continue;
    }
    const span = spanOf(body, lineStart, lineStart + line.length);
    if (!span) {
      flushList();
      continue;
    }
    flushList();
    if (span.text.startsWith("|")) {
      // An image caption kept from the web page ("| An essential nutrient…"), not a table.
      const caption = spanOf(body, span.start + 1, lineStart + line.length);
      if (caption) blocks.push({ type: "caption", span: caption });
    } else {
      blocks.push({ type: looksLikeHeading(span.text) ? "heading" : "paragraph", span });
    }
  }
  flushList();
  return blocks;
}

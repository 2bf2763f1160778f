import type { Table, TableRow } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

/** Verbatim text of one table cell and where it sits in the document body. */
export type TableCell = {
  text: string;
  /** Offsets into the body (end exclusive). */
  start: number;
  end: number;
  /** 1-based line in the body. */
  line: number;
};

/** A GFM table read as "row features × column subjects", e.g. Sources × MK-4 / MK-7. */
export type ComparisonTable = {
  /** 1-based position among the document's tables. */
  index: number;
  /** 1-based body line of the header row. */
  line: number;
  /** Offsets of the whole table (header to last row) in the body, e.g. to render it apart from the prose. */
  start: number;
  end: number;
  /** The top-left header ("Feature"). */
  corner: string;
  subjects: TableCell[];
  rows: Array<{ feature: TableCell; cells: Array<TableCell | null> }>;
};

const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$/;

type Block = { text: string; offset: number; line: number };

/**
 * The sources are plain text, not Markdown: a table often follows a list item with no blank line,
 * where a whole-document Markdown parse would fold it into the list item's paragraph, and prose
 * right after a table would become table rows. So tables are cut out line by line (a header,
 * a delimiter row, then rows that contain a pipe) and each block is parsed as GFM on its own.
 */
function tableBlocks(body: string): Block[] {
  const lines = body.split("\n");
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const blocks: Block[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!DELIMITER_ROW.test(lines[i] as string) || !lines[i - 1]?.includes("|")) continue;
    let last = i;
    while (last + 1 < lines.length && lines[last + 1]?.includes("|")) last++;
    const first = i - 1;
    blocks.push({
      text: lines.slice(first, last + 1).join("\n"),
      offset: starts[first] as number,
      line: first + 1,
    });
    i = last;
  }
  return blocks;
}

function cellsOf(row: TableRow, block: Block): Array<TableCell | null> {
  return row.children.map((cell) => {
    const first = cell.children[0]?.position;
    const last = cell.children[cell.children.length - 1]?.position;
    if (!first || !last) return null;
    const from = first.start.offset ?? 0;
    const to = last.end.offset ?? from;
    return {
      text: block.text.slice(from, to),
      start: block.offset + from,
      end: block.offset + to,
      line: block.line + first.start.line - 1,
    };
  });
}

/** Every GFM table in a document body, in order, with verbatim cell text and positions. */
export function parseComparisonTables(body: string): ComparisonTable[] {
  const parser = unified().use(remarkParse).use(remarkGfm);
  const tables: ComparisonTable[] = [];
  for (const block of tableBlocks(body)) {
    const table = parser.parse(block.text).children[0];
    if (table?.type !== "table") continue;
    const [header, ...rows] = (table as Table).children;
    if (!header) continue;
    const [corner, ...heads] = cellsOf(header, block);
    // Columns with an empty header have no subject to ask about; drop them from every row.
    const columns = heads.flatMap((head, i) => (head ? [i] : []));
    tables.push({
      index: tables.length + 1,
      line: block.line,
      start: block.offset,
      end: block.offset + block.text.length,
      corner: corner?.text ?? "",
      subjects: columns.map((i) => heads[i] as TableCell),
      rows: rows.flatMap((row) => {
        const [feature, ...cells] = cellsOf(row, block);
        return feature ? [{ feature, cells: columns.map((i) => cells[i] ?? null) }] : [];
      }),
    });
  }
  return tables;
}

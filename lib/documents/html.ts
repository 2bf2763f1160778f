// The DOM and Readability load on the first HTML or DOCX upload only (about 0.5 s of a worker's
// start that Markdown, text and PDF uploads do not need).
const dom = () => import("linkedom");

// Never text: active content and embedded objects. Removed before anything reads the page.
const ACTIVE =
  "script,style,noscript,iframe,frame,template,object,embed,svg,canvas,form,button,select,textarea";
// Page chrome that Readability normally drops; removed by hand when it gives up.
const CHROME =
  "nav,header,footer,aside,[role=navigation],[role=banner],[role=contentinfo],[aria-hidden=true]";
const BLOCKS = new Set([
  "P",
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "BLOCKQUOTE",
  "PRE",
  "DT",
  "DD",
  "DL",
  "FIGURE",
  "FIGCAPTION",
  "CAPTION",
  "ADDRESS",
  "HR",
  "BODY",
  "UL",
  "OL",
]);

type Node = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<Node> };
type Element = Node & { querySelectorAll(s: string): ArrayLike<Element & { remove(): void }> };

const inline = (s: string) => s.replace(/\s+/g, " ");

/** A table as GFM pipe rows (first row, or the <th> row, as the header); cell text on one line. */
function tableRows(table: Element): string[] {
  const rows = Array.from(table.querySelectorAll("tr")).map((tr) =>
    Array.from(tr.childNodes)
      .filter((c) => c.nodeName === "TD" || c.nodeName === "TH")
      .map((c) =>
        inline(c.textContent ?? "")
          .trim()
          .replace(/\|/g, "/"),
      ),
  );
  const filled = rows.filter((r) => r.some((c) => c.length > 0));
  if (filled.length === 0) return [];
  const width = Math.max(...filled.map((r) => r.length));
  const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? "").join(" | ")} |`;
  const [head, ...body] = filled;
  return [line(head as string[]), `|${" --- |".repeat(width)}`, ...body.map(line)];
}

/** Walks the DOM into lines: one per block, list item ("- …") or table row. */
function linesOf(root: Node): string[] {
  const lines: string[] = [];
  let current = "";
  const flush = () => {
    const text = current.trim();
    if (text) lines.push(text);
    current = "";
  };
  const walk = (node: Node, listDepth: number) => {
    if (node.nodeType === 3) {
      current += inline(node.textContent ?? "");
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (name === "TABLE") {
      flush();
      lines.push("", ...tableRows(node as Element), "");
      return;
    }
    if (name === "BR") return flush();
    if (name === "LI") {
      flush();
      current = "- ";
      for (const child of Array.from(node.childNodes)) walk(child, listDepth + 1);
      if (current.trim() === "-") current = "";
      return flush();
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child, listDepth);
    if (block) flush();
  };
  walk(root, 0);
  flush();
  return lines;
}

/**
 * HTML to normalized lines. With `article`, Mozilla Readability picks the main content (what a
 * reader view shows: no navigation, ads or comments); pages it cannot read fall back to the body
 * without page chrome. Scripts, styles and embedded objects never reach the text.
 */
export async function htmlToText(
  html: string,
  options: { article: boolean },
): Promise<{ text: string; title?: string }> {
  const { parseHTML } = await dom();
  const { document } = parseHTML(
    html.includes("<html") ? html : `<!doctype html><html><body>${html}</body></html>`,
  );
  for (const el of Array.from(document.querySelectorAll(ACTIVE))) el.remove();
  const pageTitle = inline(document.querySelector("title")?.textContent ?? "").trim() || undefined;
  if (options.article) {
    // Readability changes the tree it reads, so it gets its own copy.
    const copy = parseHTML(document.toString()).document;
    const { Readability } = await import("@mozilla/readability");
    const article = new Readability(copy as unknown as Document).parse();
    if (article?.content && (article.textContent ?? "").trim().length > 200) {
      const content = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document;
      const title = article.title?.trim() || pageTitle;
      return { text: linesOf(content.body as unknown as Node).join("\n"), ...(title ? { title } : {}) };
    }
  }
  for (const el of Array.from(document.querySelectorAll(CHROME))) el.remove();
  const text = linesOf((document.body ?? document.documentElement) as unknown as Node).join("\n");
  return { text, ...(pageTitle ? { title: pageTitle } : {}) };
}

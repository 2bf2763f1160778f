/**
 * Markdown to the normalized plain-text form: markup that would end up inside quotes (emphasis,
 * links, images, inline code, heading and quote markers, HTML comments, front-matter) is removed;
 * lists and GFM tables stay as written (the table reader and list handling need them).
 */
export function markdownToText(markdown: string): { text: string; title?: string } {
  let text = markdown.replace(/\r\n?/g, "\n");
  text = text.replace(/^---\n[\s\S]*?\n---\n/, "");
  text = text.replace(/<!--[\s\S]*?-->/g, "");
  text = text.replace(/<script\b[\s\S]*?<\/script>/gi, "").replace(/<style\b[\s\S]*?<\/style>/gi, "");
  let title: string | undefined;
  const lines = text.split("\n").flatMap((line) => {
    if (/^\s*(?:[-*_]\s*){3,}$/.test(line)) return [];
    if (/^\s*```/.test(line)) return [];
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      title ??= heading[1];
      return [heading[1] as string];
    }
    return [line.replace(/^\s{0,3}>\s?/, "")];
  });
  text = lines
    .join("\n")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/^\s*\[[^\]]+\]:\s+\S+.*$/gm, "")
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, "$2")
    .replace(/(?<![\w*])([*_])(?=\S)([^\n*_]*?\S)\1(?![\w*])/g, "$2")
    .replace(/`([^`\n]+)`/g, "$1")
    .replace(/<\/?[a-z][^>]*>/gi, "");
  return title ? { text, title } : { text };
}

// Anki note fields are HTML; Retain's cards are plain text. Plain JavaScript for the .apkg worker.

const NAMED_ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * A field as plain text, and how many media references (images, sounds) it dropped: line breaks
 * and block ends become newlines, other tags go, entities are decoded.
 * @param {string} html
 * @returns {{ text: string, media: number }}
 */
export function fieldText(html) {
  let media = 0;
  const text = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<img\b[^>]*>/gi, () => {
      media += 1;
      return "";
    })
    .replace(/\[sound:[^\]]*\]/g, () => {
      media += 1;
      return "";
    })
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(div|p|li|h[1-6]|tr)\s*>/gi, "\n")
    .replace(/<[^>]*>/g, "");
  const plain = decodeEntities(text)
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { text: plain, media };
}

/**
 * The image file names a field refers to (`<img src="name">`), in order.
 * @param {string} html
 * @returns {string[]}
 */
export function imageNames(html) {
  return [...html.matchAll(/<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((match) =>
    decodeEntities(match[1] ?? match[2] ?? match[3] ?? ""),
  );
}

const escapes = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * Plain text as a field's HTML: escaped, line breaks as <br>.
 * @param {string} text
 */
export function fieldHtml(text) {
  return text.replace(/[&<>"]/g, (c) => escapes[c]).replace(/\r?\n/g, "<br>");
}

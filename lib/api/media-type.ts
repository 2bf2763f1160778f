/**
 * Whether a Content-Type header names JSON: the media type (before any parameter) is exactly
 * application/json, case-insensitive (RFC 9110); parameters are allowed, but a charset other
 * than UTF-8 is not, since JSON is UTF-8 (RFC 8259) and the body is read as such.
 */
export function isJsonMediaType(header: string | null): boolean {
  if (header === null) return false;
  const [type = "", ...parameters] = header.split(";");
  if (type.trim().toLowerCase() !== "application/json") return false;
  for (const parameter of parameters) {
    const separator = parameter.indexOf("=");
    if (separator < 0) {
      if (parameter.trim() === "") continue;
      return false;
    }
    const name = parameter.slice(0, separator).trim().toLowerCase();
    const value = parameter
      .slice(separator + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .toLowerCase();
    if (name === "charset" && value !== "utf-8" && value !== "utf8") return false;
  }
  return true;
}

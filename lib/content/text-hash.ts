const FNV64_OFFSET = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const MASK64 = 0xffffffffffffffffn;

/**
 * FNV-1a (64-bit) of the UTF-8 bytes of `text`, as 16 hex digits.
 * Not cryptographic: it names quotes and detects accidental edits, and runs in the browser too.
 */
export function fnv1a64(text: string): string {
  let hash = FNV64_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * FNV64_PRIME) & MASK64;
  }
  return hash.toString(16).padStart(16, "0");
}

/** The value a source's front-matter `checksum` must hold for `body`. */
export function bodyChecksum(body: string): string {
  return `fnv1a64:${fnv1a64(body)}`;
}

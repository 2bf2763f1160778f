// Reads a zip archive's central directory and inflates single entries with a hard output cap.
// Plain JavaScript: the .apkg worker thread loads it as it is on disk (see apkg-reader.ts).
// fflate does the inflating; the directory walk is here so that every entry's size is known
// before any byte is inflated, and an entry that inflates past its cap (a zip bomb, or a size
// field that lies) is stopped at the cap instead of filling memory.
import { Inflate } from "fflate";

/** A file that is not a zip archive Retain can read; `message` is safe to show. */
export class ZipError extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const END_SEARCH = 22 + 0xffff;
const INFLATE_CHUNK = 64 * 1024;

/**
 * @typedef {{ name: string, method: number, compressedSize: number, size: number, headerOffset: number }} ZipEntry
 */

/**
 * The archive's entries, from its central directory.
 * @param {Uint8Array} bytes
 * @param {number} maxEntries
 * @returns {Map<string, ZipEntry>}
 */
export function zipEntries(bytes, maxEntries) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== LOCAL_HEADER) throw new ZipError("not a zip");
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - END_SEARCH); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError("not a zip");
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  // 0xffff / 0xffffffff mark Zip64, which no .apkg of a size Retain accepts needs.
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipError("zip64");
  if (count > maxEntries) throw new ZipError("too many entries");
  /** @type {Map<string, ZipEntry>} */
  const entries = new Map();
  const decoder = new TextDecoder();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw new ZipError("broken");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      name,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      headerOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * One entry's bytes, never more than `maxBytes` of them (ZipError "too large" past that).
 * @param {Uint8Array} bytes
 * @param {ZipEntry} entry
 * @param {number} maxBytes
 * @returns {Uint8Array}
 */
export function readZipEntry(bytes, entry, maxBytes) {
  if (entry.size > maxBytes) throw new ZipError("too large");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.headerOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_HEADER) throw new ZipError("broken");
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new ZipError("broken");
  if (entry.method === 0) {
    // Stored: its bytes are its compressed size, whatever size the directory states.
    if (data.length > maxBytes) throw new ZipError("too large");
    return data.slice();
  }
  if (entry.method !== 8) throw new ZipError("unsupported compression");
  /** @type {Uint8Array[]} */
  const chunks = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    // Checked on every chunk: the declared size is the writer's claim, not a bound.
    if (total > maxBytes) throw new ZipError("too large");
    chunks.push(chunk);
  });
  try {
    for (let offset = 0; offset < data.length; offset += INFLATE_CHUNK) {
      const end = Math.min(offset + INFLATE_CHUNK, data.length);
      inflate.push(data.subarray(offset, end), end === data.length);
    }
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError("broken");
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

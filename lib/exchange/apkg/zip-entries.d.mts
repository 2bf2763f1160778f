/** Types of zip-entries.mjs (plain JavaScript for the .apkg worker thread). */
export class ZipError extends Error {}
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
}
export function zipEntries(bytes: Uint8Array, maxEntries: number): Map<string, ZipEntry>;
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array;

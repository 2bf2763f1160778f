import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { fieldHtml, fieldText, imageNames } from "./field-text.mjs";
import { readZipEntry, ZipError, zipEntries } from "./zip-entries.mjs";

const MEGABYTE = 1024 * 1024;

/** Overwrites the uncompressed size of the only entry, in its local header and the central directory. */
function lieAboutSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  view.setUint32(22, size, true);
  for (let at = copy.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) === 0x02014b50) {
      view.setUint32(at + 24, size, true);
      break;
    }
  }
  return copy;
}

describe("zip entries", () => {
  it("reads entries back", () => {
    const zip = zipSync({
      a: new TextEncoder().encode("hello"),
      b: [new Uint8Array([1, 2, 3]), { level: 0 }],
    });
    const entries = zipEntries(zip, 10);
    expect([...entries.keys()]).toEqual(["a", "b"]);
    expect(new TextDecoder().decode(readZipEntry(zip, entries.get("a") as never, 100))).toBe("hello");
    expect([...readZipEntry(zip, entries.get("b") as never, 100)]).toEqual([1, 2, 3]);
  });

  it("stops a zip bomb at the cap, even when the entry lies about its size", () => {
    const bomb = zipSync({ collection: new Uint8Array(4 * MEGABYTE) });
    expect(bomb.length).toBeLessThan(20_000);
    const entry = zipEntries(bomb, 10).get("collection");
    expect(() => readZipEntry(bomb, entry as never, MEGABYTE)).toThrow(/too large/);
    const liar = lieAboutSize(bomb, 100);
    const lying = zipEntries(liar, 10).get("collection");
    expect(lying?.size).toBe(100);
    expect(() => readZipEntry(liar, lying as never, MEGABYTE)).toThrow(ZipError);
  });

  it("caps a stored entry at its bytes, whatever size it states", () => {
    const stored = zipSync({ picture: [new Uint8Array(MEGABYTE), { level: 0 }] });
    const liar = lieAboutSize(stored, 100);
    const entry = zipEntries(liar, 10).get("picture");
    expect(entry?.size).toBe(100);
    expect(() => readZipEntry(liar, entry as never, 100)).toThrow(/too large/);
    expect(readZipEntry(stored, zipEntries(stored, 10).get("picture") as never, MEGABYTE).length).toBe(
      MEGABYTE,
    );
  });

  it("refuses what is not a zip, a cut-off zip and too many entries", () => {
    expect(() => zipEntries(new TextEncoder().encode("front,back\nhola,hello\n".repeat(3)), 10)).toThrow(
      ZipError,
    );
    const zip = zipSync({ a: new Uint8Array(10), b: new Uint8Array(10) });
    expect(() => zipEntries(zip.subarray(0, zip.length - 30), 10)).toThrow(ZipError);
    expect(() => zipEntries(zip, 1)).toThrow(/too many entries/);
  });
});

describe("field text", () => {
  it("turns Anki's HTML into plain text and counts the media it drops", () => {
    expect(
      fieldText('<div>a &amp; b</div><div>c<br>d</div><img src="x.png">[sound:y.mp3]&nbsp;&#233;'),
    ).toEqual({
      text: "a & b\nc\nd\n é",
      media: 2,
    });
    expect(fieldText("<script>alert(1)</script><style>p{}</style>ok")).toEqual({ text: "ok", media: 0 });
    expect(imageNames(`<img class="x" src="a b.png"><img src='c&amp;d.jpg'>`)).toEqual([
      "a b.png",
      "c&d.jpg",
    ]);
  });

  it("writes plain text as escaped HTML that reads back the same", () => {
    const text = 'if a < b && c > "d"\nthen';
    expect(fieldHtml(text)).toBe("if a &lt; b &amp;&amp; c &gt; &quot;d&quot;<br>then");
    expect(fieldText(fieldHtml(text)).text).toBe(text);
  });
});

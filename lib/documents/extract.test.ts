import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { proposeItems } from "../propose";
import { DocumentError, extractDocument, extractPastedText, textChecksum } from "./index";
import { dropPageFurniture, joinPdfLines } from "./pdf";

const utf8 = (s: string) => new TextEncoder().encode(s);
const PROSE =
  "A clinical trial with older adults found that vitamin K2 supplementation over 8 weeks reduced the frequency of cramps compared to a placebo group. Natto is a traditional Japanese food made from fermented soybeans.";

async function textPdf(lines: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([600, 800]);
  lines.forEach((line, i) => {
    page.drawText(line, { x: 40, y: 760 - i * 16, size: 11, font });
  });
  pdf.setTitle("Vitamin K2 notes");
  return pdf.save();
}

async function scannedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([600, 800]);
  // A "scan": only shapes, no text operators.
  page.drawRectangle({ x: 40, y: 40, width: 500, height: 700, borderWidth: 2 });
  return pdf.save();
}

async function expectError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentError);
  expect((error as DocumentError).code).toBe(code);
  expect((error as DocumentError).message.length).toBeGreaterThan(10);
}

// PDF and DOCX parsers load on first use: seconds on a busy 2-core machine.
describe("extractDocument", { timeout: 30_000 }, () => {
  it("reads Markdown without markup, keeps tables and gives a sha256 checksum", async () => {
    const md = `# Vitamin K2\n\nSome **bold** claim with a [link](https://example.com).\n\n| Feature | MK-4 | MK-7 |\n|---|---|---|\n| Half-life | A few hours | Several days |\n\n${PROSE}\n`;
    const doc = await extractDocument(utf8(md), { fileName: "notes.md" });
    expect(doc.format).toBe("md");
    expect(doc.title).toBe("Vitamin K2");
    expect(doc.text).toContain("Some bold claim with a link.");
    expect(doc.tables).toBe(1);
    expect(doc.checksum).toBe(textChecksum(doc.text));
    expect(doc.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(doc.warnings).toEqual([]);
  });

  it("strips scripts, styles and page chrome from HTML and renders tables as pipe rows", async () => {
    const html = `<html><head><title>K2 page</title><script>alert("x")</script><style>p{}</style></head><body>
      <nav><a href="/">Home</a> <a href="/shop">Shop</a></nav>
      <article><h1>Vitamin K2 and cramps</h1><p>${PROSE}</p><p>${PROSE.replace("older adults", "hemodialysis patients")}</p>
      <ul><li>Egg yolks contain MK-4.</li><li>Natto contains MK-7.</li></ul>
      <table><tr><th>Feature</th><th>MK-4</th><th>MK-7</th></tr><tr><td>Half-life</td><td>A few hours</td><td>Several days</td></tr></table>
      <script>document.write("injected")</script></article>
      <footer>Copyright 2026</footer></body></html>`;
    const doc = await extractDocument(utf8(html), { fileName: "page.html" });
    expect(doc.text).not.toMatch(/alert|injected|p\{\}/);
    expect(doc.text).toContain("- Egg yolks contain MK-4.");
    expect(doc.text).toContain("| Half-life | A few hours | Several days |");
    expect(doc.tables).toBe(1);
    expect(doc.text).toContain(PROSE);
  });

  it("reads the text layer of a PDF and joins its lines into paragraphs", async () => {
    const bytes = await textPdf([
      "Vitamin K2 Notes",
      "A clinical trial with older adults found that vitamin K2 supplementation over",
      "8 weeks reduced the frequency of cramps compared to a placebo group.",
      "Natto is a traditional Japanese food made from fermented soybeans.",
    ]);
    const progress: number[] = [];
    const doc = await extractDocument(bytes, { fileName: "notes.pdf", onProgress: (f) => progress.push(f) });
    expect(progress).toEqual([1, 1]);
    expect(doc.format).toBe("pdf");
    expect(doc.title).toBe("Vitamin K2 notes");
    expect(doc.text).toContain("supplementation over 8 weeks reduced");
    expect(proposeItems({ document: "notes", text: doc.text }).cards.length).toBeGreaterThan(0);
  });

  it("joins words broken across PDF lines and drops running headers and page numbers", () => {
    expect(
      joinPdfLines(
        "Vitamin K2 supplementation reduced the frequency of noc-\nturnal cramps over eight weeks in older adults.\nShort end.",
      ),
    ).toContain("nocturnal cramps");
    expect(
      joinPdfLines(
        "The trial in older adults with night cramps gave them vitamin K2 as MK-\n7 at 180 mcg daily for eight weeks.",
      ),
    ).toContain("MK-7 at");
    const pages = [1, 2, 3].map(
      (n) => `Journal of Bone Health ${n}\nPage ${n} of 3\nClaim number ${n} is stated here.`,
    );
    expect(dropPageFurniture(pages)).toEqual([1, 2, 3].map((n) => `Claim number ${n} is stated here.`));
  });

  it("refuses a scanned PDF without a text layer", async () => {
    await expectError(extractDocument(await scannedPdf(), { fileName: "scan.pdf" }), "no-text-layer");
  });

  it("reads a DOCX with headings, paragraphs and a table", async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: "Vitamin K2 handout", heading: HeadingLevel.HEADING_1 }),
            new Paragraph(PROSE),
            new Table({
              rows: [
                new TableRow({ children: [cell("Feature"), cell("MK-4"), cell("MK-7")] }),
                new TableRow({ children: [cell("Half-life"), cell("A few hours"), cell("Several days")] }),
              ],
            }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const out = await extractDocument(bytes, { fileName: "handout.docx" });
    expect(out.title).toBe("Vitamin K2 handout");
    expect(out.text).toContain(PROSE);
    expect(out.tables).toBe(1);
  });

  it("refuses empty, binary, mislabelled, unknown and over-size files before parsing", async () => {
    await expectError(extractDocument(new Uint8Array(), { fileName: "a.txt" }), "empty");
    await expectError(extractDocument(utf8("  \n\n  "), { fileName: "a.txt" }), "empty");
    await expectError(
      extractDocument(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), { fileName: "a.txt" }),
      "binary",
    );
    await expectError(
      extractDocument(new Uint8Array([0xff, 0xfe, 0xfd, 0x41]), { fileName: "a.md" }),
      "binary",
    );
    await expectError(extractDocument(utf8("hello there"), { fileName: "a.pdf" }), "unreadable");
    await expectError(extractDocument(utf8("hello there"), { fileName: "a.docx" }), "unreadable");
    await expectError(extractDocument(utf8("hello"), { fileName: "a.exe" }), "unsupported-format");
    // Over the limit: refused from the byte count, even though the bytes are not a valid PDF.
    await expectError(
      extractDocument(new Uint8Array(2048), { fileName: "big.pdf", maxBytes: 1024 }),
      "too-large",
    );
  });

  it("warns when the text is not English", () => {
    const german =
      "Vitamin K2 ist ein fettlösliches Vitamin, das in fermentierten Lebensmitteln vorkommt. Es spielt eine wichtige Rolle bei der Regulierung des Kalziumstoffwechsels und unterstützt die Gesundheit der Knochen und Gefäße. Studien an Menschen zeigen, dass eine Ergänzung über acht Wochen die Häufigkeit von Krämpfen verringern kann.";
    expect(extractPastedText(german, "txt").warnings.map((w) => w.code)).toEqual(["not-english"]);
    expect(extractPastedText(`${PROSE} ${PROSE}`, "txt").warnings).toEqual([]);
  });
});

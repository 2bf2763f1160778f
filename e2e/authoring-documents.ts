import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";

/**
 * Documents for the authoring tests, made by the tests themselves: a PDF with a text layer
 * (pdf-lib), a Word file (docx) and a "scan" (a PDF with shapes only, no text).
 */

/** Lines of a PDF page, one paragraph each; long paragraphs must already be short enough to fit. */
export async function textPdf(title: string, paragraphs: readonly string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([612, 792]);
  let y = 750;
  for (const paragraph of paragraphs) {
    // pdf-lib draws one line per call: wrap at about 95 characters, a blank line between paragraphs.
    const words = paragraph.split(" ");
    let line = "";
    for (const word of words) {
      if (`${line} ${word}`.length > 95) {
        page.drawText(line, { x: 40, y, size: 10, font });
        y -= 14;
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    page.drawText(line, { x: 40, y, size: 10, font });
    y -= 28;
  }
  pdf.setTitle(title);
  return Buffer.from(await pdf.save());
}

export async function textDocx(title: string, paragraphs: readonly string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title)] }),
          ...paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A scanned page: an image-like drawing and no text layer. */
export async function scannedPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([612, 792]);
  page.drawRectangle({ x: 40, y: 40, width: 500, height: 700, borderWidth: 2 });
  return Buffer.from(await pdf.save());
}

/** Claim sentences the proposal engine turns into cards: a trial, an animal finding, a food source. */
export const K2_PARAGRAPHS = [
  "In a randomized controlled trial of 244 postmenopausal women, 180 µg of MK-7 daily for three years reduced the loss of bone mineral density.",
  "In rats, MK-4 increased muscle mass compared with controls.",
  "Natto contains about 1,000 µg of MK-7 per 100 g, far more than cheese or egg yolks.",
  "Vitamin K2 is a group of compounds called menaquinones.",
  "A small pilot study in hemodialysis patients found that 360 µg of MK-7 daily lowered the number of muscle cramps.",
] as const;

/**
 * About 100 claim sentences: the engine proposes a card and questions from each, about 400 items
 * (the review view's size in e2e/authoring.spec.ts and `npm run bench -- author-paint`).
 */
export function longReviewDocument(): string {
  const foods = ["natto", "gouda", "egg yolk", "butter", "chicken liver", "sauerkraut", "brie", "salami"];
  const designs = ["randomized controlled trial", "cohort study", "study in rats", "cell culture study"];
  const lines = ["# A long review of vitamin K2", ""];
  for (let i = 0; i < 100; i++) {
    const design = designs[i % designs.length];
    const food = foods[i % foods.length];
    lines.push(
      `In a ${design} of ${40 + i} participants, ${90 + i} µg of MK-7 daily from ${food} reduced arterial calcification by ${5 + (i % 30)} % over ${1 + (i % 4)} years.`,
      "",
    );
  }
  return lines.join("\n");
}

// `npm run --silent content:propose -- <file> [--seed N]`: extracts a document (.md, .txt, .html,
// .pdf, .docx) and prints the proposed cards and quiz items as JSON, in content:export's item
// shape plus what an author reviews: the quote's range, the suggested level's cue words,
// needsCheck. A bad file prints its message on stderr and exits 1.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { answerKey } from "../lib/content/export-content";
import { extractDocument } from "../lib/documents";
import { type Proposal, proposeItems } from "../lib/propose";
import { documentSegment } from "../lib/propose/ids";
import { runScript } from "./run-script";

function review(p: Proposal) {
  return {
    proposal: p.proposal,
    claim: p.claim,
    cues: [...new Set(p.suggested.cues.map((c) => c.word.toLowerCase()))],
    suggested: p.suggested,
    range: p.range,
    needsCheck: p.needsCheck,
    ...(p.checkReason ? { checkReason: p.checkReason } : {}),
    ...(p.topic ? { topic: p.topic } : {}),
    ...(p.caveat ? { caveat: p.caveat } : {}),
  };
}

const sources = (p: Proposal) => p.sources.map(({ document, quote }) => ({ document, quote }));

runScript(async () => {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf("--seed");
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 1;
  const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--seed");
  if (!file || !Number.isInteger(seed))
    throw new Error("usage: npm run --silent content:propose -- <file> [--seed N]");
  const bytes = new Uint8Array(await readFile(file));
  const extracted = await extractDocument(bytes, { fileName: file });
  const slug = documentSegment(path.basename(file).replace(/\.[^.]+$/, ""));
  const set = proposeItems(
    { document: slug, title: extracted.title ?? slug, text: extracted.text },
    { seed },
  );
  const out = {
    document: {
      slug,
      title: extracted.title ?? null,
      format: extracted.format,
      checksum: extracted.checksum,
      words: extracted.words,
      warnings: extracted.warnings,
    },
    stats: set.stats,
    cards: set.cards.map((c) => ({
      id: c.id,
      kind: c.kind,
      front: c.front,
      back: c.back,
      evidence: c.evidence,
      sources: sources(c),
      ...review(c),
    })),
    quiz: set.quiz.map((q) => ({
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      choices: q.choices,
      answer: answerKey(q),
      explanation: q.explanation,
      evidence: q.evidence,
      sources: sources(q),
      cards: q.cards,
      ...review(q),
    })),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
});

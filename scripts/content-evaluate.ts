// `npm run content:evaluate`: proposes cards for the five source documents (through the same
// extraction as an upload) and scores them against the curated decks; prints the figures.
import { loadContentFromDisk } from "../lib/content/load";
import { extractDocument } from "../lib/documents";
import { proposeItems } from "../lib/propose";
import { evaluateProposals } from "../lib/propose/evaluate";
import { referenceClaims } from "../lib/propose/reference-claims";
import { runScript } from "./run-script";

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

runScript(async () => {
  const build = await loadContentFromDisk();
  const docs = await Promise.all(
    build.documents.map(async (d) => {
      const extracted = await extractDocument(new TextEncoder().encode(d.body), { fileName: `${d.slug}.md` });
      return {
        document: d.slug,
        text: extracted.text,
        proposals: proposeItems({ document: d.slug, title: d.title, text: extracted.text }),
      };
    }),
  );
  const result = evaluateProposals(docs, referenceClaims(build));
  const verbose = process.argv.includes("--verbose");
  console.log(
    `proposals: ${result.proposals} (${docs.map((d) => `${d.document} ${d.proposals.cards.length}+${d.proposals.quiz.length}`).join(", ")})`,
  );
  console.log(
    `verbatim quotes: ${result.verbatim}/${result.proposals} (${pct(result.verbatim / result.proposals)})`,
  );
  console.log(
    `coverage of reference claims: ${result.covered}/${result.references} (${pct(result.coverage)})`,
  );
  console.log(
    `level agreement on prose claims: ${result.levelAgreed}/${result.levelJudged} (${pct(result.levelAgreement)})`,
  );
  console.log(`human suggestions on animal/cell claims: ${result.humanOnNonHuman}`);
  console.log(`unusable proposals: ${result.unusable}/${result.proposals} (${pct(result.unusableShare)})`);
  console.log("\nlevel          reference predicted agreed precision recall");
  for (const l of result.perLevel) {
    console.log(
      `${l.level.padEnd(14)} ${String(l.reference).padStart(9)} ${String(l.predicted).padStart(9)} ${String(l.agreed).padStart(6)} ${pct(l.precision).padStart(9)} ${pct(l.recall).padStart(7)}`,
    );
  }
  if (verbose) {
    console.log("\nmissed:");
    for (const m of result.missed) console.log(`  [${m.document}] ${m.quote}`);
    console.log("\nlevel disagreements:");
    for (const d of result.disagreements)
      console.log(`  expected ${d.expected.join("/")} got ${d.got} (${d.cues.join(", ")}): ${d.quote}`);
    console.log("\nunusable:");
    for (const u of result.unusableExamples) console.log(`  ${u.reason}: ${u.quote}`);
  }
});

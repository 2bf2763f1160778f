import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../content/fixtures/files";
import { loadContentFromDisk } from "../content/load";
import { extractDocument } from "../documents";
import { type Evaluation, evaluateProposals } from "./evaluate";
import { proposeItems } from "./index";
import { referenceClaims } from "./referenceClaims";

// The engine's quality bar (issue 14), measured on the five source documents against the curated
// decks' quotes and levels. Documents go through the same extraction as an upload. No sentence of
// these documents is special-cased anywhere in lib/propose; `npm run content:evaluate -- --verbose`
// lists what is missed or judged differently.
describe("proposals scored against the curated decks", () => {
  let result: Evaluation;
  beforeAll(async () => {
    const build = await loadContentFromDisk(REPO_ROOT);
    const docs = await Promise.all(
      build.documents.map(async (d) => {
        const extracted = await extractDocument(new TextEncoder().encode(d.body), {
          fileName: `${d.slug}.md`,
        });
        return {
          document: d.slug,
          text: extracted.text,
          proposals: proposeItems({ document: d.slug, title: d.title, text: extracted.text }),
        };
      }),
    );
    result = evaluateProposals(docs, referenceClaims(build));
  }, 30_000);

  it("quotes every proposal verbatim", () => {
    expect(result.proposals).toBeGreaterThan(100);
    expect(result.verbatim).toBe(result.proposals);
  });

  it("covers at least 80 % of the reference claims", () => {
    expect(result.references).toBeGreaterThan(100);
    expect(result.coverage).toBeGreaterThanOrEqual(0.8);
  });

  it("agrees with the curated level on at least 85 % of claim sentences", () => {
    expect(result.levelJudged).toBeGreaterThan(80);
    expect(result.levelAgreement).toBeGreaterThanOrEqual(0.85);
  });

  it("never suggests a human level for an animal or cell claim", () => {
    expect(result.humanOnNonHuman).toBe(0);
  });

  it("keeps unusable proposals (fragments, headings, boilerplate) at or under 10 %", () => {
    expect(result.unusableShare).toBeLessThanOrEqual(0.1);
  });
});

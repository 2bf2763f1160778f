import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../content/fixtures/files";
import { loadContentFromDisk } from "../content/load";
import { checkQuizAnswer } from "../content/quiz-rules";
import { cardSchema, quizSchema } from "../content/schema";
import { extractDocument } from "../documents";
import { type EvaluatedDocument, type Evaluation, evaluateProposals } from "./evaluate";
import { proposeItems, toContentCard, toContentQuiz } from "./index";
import { referenceClaims } from "./reference-claims";

// The engine's quality bar (issue 14), measured on the five source documents against the curated
// decks' quotes and levels. Documents go through the same extraction as an upload. No sentence of
// these documents is special-cased anywhere in lib/propose; `npm run content:evaluate -- --verbose`
// lists what is missed or judged differently.
describe("proposals scored against the curated decks", () => {
  let result: Evaluation;
  let docs: EvaluatedDocument[];
  beforeAll(async () => {
    const build = await loadContentFromDisk(REPO_ROOT);
    docs = await Promise.all(
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

  it("makes items that pass content:check's schema and quiz rules (unless flagged for a check)", () => {
    const problems = docs.flatMap((d) => [
      ...d.proposals.cards.flatMap((c) => {
        const parsed = cardSchema.safeParse(toContentCard(c));
        return parsed.success || c.needsCheck ? [] : [`${c.id}: ${parsed.error.message}`];
      }),
      ...d.proposals.quiz.flatMap((q) => {
        const parsed = quizSchema.safeParse(toContentQuiz(q));
        if (!parsed.success) return q.needsCheck ? [] : [`${q.id}: ${parsed.error.message}`];
        return checkQuizAnswer(parsed.data).map((p) => `${q.id}: ${p.message}`);
      }),
    ]);
    expect(problems).toEqual([]);
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

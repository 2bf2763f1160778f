// `npm run content:check`: validates content/ and prints `file:line: message` for each problem.

import { formatIssue } from "../lib/content/issues";
import { loadContentFromDisk } from "../lib/content/load";
import { EVIDENCE_LEVELS } from "../lib/content/schema";
import type { ContentBuild } from "../lib/content/types";
import { runScript } from "./run-script";

function summary(build: ContentBuild): string {
  const cards = build.decks.flatMap((d) => d.cards).filter((c) => !c.retired);
  const quiz = build.decks.flatMap((d) => d.quiz).filter((q) => !q.retired);
  const generated = [...cards, ...quiz].filter((i) => i.generated).length;
  const mix = EVIDENCE_LEVELS.map((level) => [
    level,
    [...cards, ...quiz].filter((i) => i.evidence === level).length,
  ])
    .filter(([, n]) => n !== 0)
    .map(([level, n]) => `${level} ${n}`)
    .join(", ");
  return (
    `${build.documents.length} sources, ${build.decks.length} decks, ${cards.length} cards, ` +
    `${quiz.length} quiz items (${generated} generated from tables); evidence: ${mix || "none"}`
  );
}

runScript(async () => {
  const build = await loadContentFromDisk();
  for (const issue of build.warnings)
    console.warn(formatIssue({ ...issue, message: `warning: ${issue.message}` }));
  for (const issue of build.errors) console.error(formatIssue(issue));
  const verdict = build.errors.length > 0 ? "FAILED" : "ok";
  console.log(
    `content:check ${verdict}: ${summary(build)}; ${build.errors.length} errors, ${build.warnings.length} warnings`,
  );
  if (build.errors.length > 0) process.exitCode = 1;
});

// `npm run --silent content:export`: all active content as one JSON document on stdout
// (contract in content/README.md); on invalid content, errors on stderr and exit 1.
import { toContentExport } from "../lib/content/export-content";
import { formatIssue } from "../lib/content/issues";
import { loadContentFromDisk } from "../lib/content/load";
import { runScript } from "./run-script";

runScript(async () => {
  const build = await loadContentFromDisk();
  if (build.errors.length > 0) {
    for (const issue of build.errors) console.error(formatIssue(issue));
    throw new Error(`content:export: ${build.errors.length} error(s); run npm run content:check`);
  }
  process.stdout.write(`${JSON.stringify(toContentExport(build), null, 2)}\n`);
});

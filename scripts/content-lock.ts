// `npm run content:lock`: appends every card and quiz id that content/ids.lock does not list yet.
// The lock is the record of every id ever published; content:check fails when one disappears.
import { appendFile, readFile, writeFile } from "node:fs/promises";
import { buildContent, IDS_LOCK_FILE } from "../lib/content/build-content";
import { parseIdsLock } from "../lib/content/deck-checks";
import { readContentFiles } from "../lib/content/load";
import { runScript } from "./run-script";

runScript(async () => {
  const files = await readContentFiles();
  const build = buildContent(files.filter((f) => f.path !== IDS_LOCK_FILE));
  const ids = build.decks.flatMap((d) => [...d.cards, ...d.quiz].map((i) => i.id));
  const existing = await readFile(IDS_LOCK_FILE, "utf8").catch(() => null);
  if (existing === null) {
    const header =
      "# Every card and quiz id ever published, one a line. Never remove a line: retire the item.\n" +
      "# content:check fails when an id listed here no longer exists. Add new ids: npm run content:lock\n";
    await writeFile(IDS_LOCK_FILE, `${header}${[...ids].sort().join("\n")}\n`);
    console.log(`${IDS_LOCK_FILE}: created with ${ids.length} ids`);
    return;
  }
  const locked = new Set(parseIdsLock(existing));
  const added = ids.filter((id) => !locked.has(id)).sort();
  if (added.length) await appendFile(IDS_LOCK_FILE, `${added.join("\n")}\n`);
  console.log(`${IDS_LOCK_FILE}: ${added.length} new ids added`);
});

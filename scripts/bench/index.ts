import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded } from "../build-if-needed";
import { runScript } from "../run-script";
import { firstLoadJs } from "./bundle";
import type { SideRun } from "./side-by-side";
import { ms } from "./stats";

type Percentiles = { n: number; p50: number; p95: number; p99: number; max: number };

function runBench<T>(name: string): T {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const result = spawnSync(tsx, ["--conditions=react-server", "scripts/bench/run-one.ts", name], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`Benchmark ${name} failed`);
  const lines = result.stdout.trim().split("\n");
  return JSON.parse(lines.at(-1) ?? "{}") as T;
}

/**
 * `npm run bench [name ...]`: the speed figures the issues ask for, measured on this machine.
 * Budgets are printed next to each figure; nothing here fails on a slow machine.
 */
runScript(async () => {
  const only = process.argv.slice(2);
  const wanted = (name: string) => only.length === 0 || only.includes(name);
  const rows: string[][] = [];

  if (wanted("queue")) {
    const q = runBench<Percentiles & { cards: number; logs: number; queued: number }>("queue");
    rows.push([
      `Queue build, ${q.cards} cards / ${q.logs} logs (${q.queued} queued)`,
      `p50 ${ms(q.p50)}, p95 ${ms(q.p95)}`,
      "p95 < 20 ms (issue 18)",
    ]);
  }
  if (wanted("learner-stats")) {
    const s = runBench<Percentiles & { cards: number; logs: number }>("learner-stats");
    rows.push([
      `Learner statistics page data, ${s.cards.toLocaleString("en")} cards / ${s.logs.toLocaleString("en")} logs`,
      `p50 ${ms(s.p50)}, p95 ${ms(s.p95)} (${s.n} loads)`,
      "none set (issue 17 recorded 263-297 ms p50)",
    ]);
  }
  if (wanted("browser")) {
    const b = runBench<Percentiles & { cards: number; logs: number; queries: number }>("browser");
    rows.push([
      `Card browser page (search, filters, sorts; ${b.queries} kinds), ${b.cards.toLocaleString("en")} cards / ${b.logs.toLocaleString("en")} logs`,
      `p50 ${ms(b.p50)}, p95 ${ms(b.p95)}, max ${ms(b.max)} (${b.n} pages)`,
      "p95 < 100 ms",
    ]);
  }
  if (wanted("reviews")) {
    await buildIfNeeded();
    type Load = Percentiles & { perSecond: number; statuses: object };
    const r = runBench<{ learners: number; seconds: number; saturated: Load; paced: Load }>("reviews");
    const line = (load: Load) =>
      `${load.perSecond.toFixed(0)} reviews/s; p50 ${ms(load.p50)}, p95 ${ms(load.p95)}, p99 ${ms(load.p99)}; statuses ${JSON.stringify(load.statuses)}`;
    rows.push([
      `Review submit, ${r.learners} learners answering about once a second (SQLite, 1 instance)`,
      line(r.paced),
      "p95 < 25 ms",
    ]);
    rows.push([
      `Review submit, ${r.learners} learners sending back to back (SQLite, 1 instance)`,
      line(r.saturated),
      ">= 300 reviews/s",
    ]);
  }
  if (wanted("optimizer")) {
    await buildIfNeeded();
    const o = runBench<{
      reviews: number;
      cards: number;
      learners: number;
      optimize: Percentiles;
      optimizeUnderLoad: Percentiles;
      idle: Percentiles;
      during: Percentiles;
      p95Ratio: number;
    }>("optimizer");
    rows.push([
      `Optimize FSRS parameters on ${o.reviews.toLocaleString("en")} reviews of ${o.cards.toLocaleString("en")} cards (start to result, in the server)`,
      `p50 ${ms(o.optimize.p50)}, max ${ms(o.optimize.max)}; with the review load p50 ${ms(o.optimizeUnderLoad.p50)} (${o.optimizeUnderLoad.n} runs)`,
      "report",
    ]);
    rows.push([
      `Review submit p95, ${o.learners} learners about once a second: answers overlapping an optimization vs the others`,
      `${ms(o.during.p95)} (${o.during.n}) vs ${ms(o.idle.p95)} (${o.idle.n}): ${o.p95Ratio.toFixed(2)}x; p50 ${ms(o.during.p50)} vs ${ms(o.idle.p50)}`,
      "< 2x",
    ]);
  }
  if (wanted("import")) {
    await buildIfNeeded();
    const i = runBench<{
      learners: number;
      alone: { valid: Percentiles; validPreview: Percentiles; pathological: Percentiles };
      underLoad: { valid: Percentiles; pathological: Percentiles };
      idle: Percentiles;
      during: Percentiles;
      duringKind: { validPreview: Percentiles; validConfirm: Percentiles; pathologicalPreview: Percentiles };
      p95Ratio: number;
      valid: Percentiles;
      validRatio: number;
      pathological: Percentiles;
      pathologicalRatio: number;
    }>("import");
    const k = i.duringKind;
    rows.push([
      "Card import of 5,000 valid cards (preview + confirm) and preview of a 5 MB file of 2.6 M one-character lines",
      `valid p50 ${ms(i.alone.valid.p50)} (preview ${ms(i.alone.validPreview.p50)}), 5 MB file p50 ${ms(i.alone.pathological.p50)}; with the review load ${ms(i.underLoad.valid.p50)} and ${ms(i.underLoad.pathological.p50)}`,
      "report",
    ]);
    rows.push([
      `Review submit p95, ${i.learners} learners about once a second: answers overlapping a valid 5,000-card import (preview or confirm) vs answers overlapping no import`,
      `${ms(i.valid.p95)} (${i.valid.n}) vs ${ms(i.idle.p95)} (${i.idle.n}): ${i.validRatio.toFixed(2)}x; p95 during the preview ${ms(k.validPreview.p95)}, during the confirm ${ms(k.validConfirm.p95)}`,
      "< 2x",
    ]);
    rows.push([
      "Review submit p95 during the preview of the 5 MB file of one-character lines, and during any import",
      `${ms(i.pathological.p95)} (${i.pathological.n}): ${i.pathologicalRatio.toFixed(2)}x; any import ${ms(i.during.p95)} (${i.during.n}): ${i.p95Ratio.toFixed(2)}x`,
      "report",
    ]);
  }
  if (wanted("scale-out")) {
    await buildIfNeeded();
    type Scale = {
      name: string;
      load: Percentiles & { perSecond: number; statuses: object };
      cores: { app: number[]; postgres: number; loadGenerator: number };
    };
    for (const config of ["scale-sqlite-1", "scale-postgresql-1", "scale-postgresql-2"]) {
      const r = runBench<Scale>(config);
      const cores = `CPU cores busy: app ${r.cores.app.map((c) => c.toFixed(2)).join(" + ")}, PostgreSQL ${r.cores.postgres.toFixed(2)}, load generator ${r.cores.loadGenerator.toFixed(2)}`;
      rows.push([
        `Review submit, 50 learners back to back (${r.name})`,
        `${r.load.perSecond.toFixed(0)} reviews/s; p50 ${ms(r.load.p50)}, p95 ${ms(r.load.p95)}; statuses ${JSON.stringify(r.load.statuses)}; ${cores}`,
        "shape, not a budget",
      ]);
    }
  }
  // Not in the default run (it builds a second app and takes two minutes): `npm run bench -- side-by-side`.
  if (only.includes("side-by-side")) {
    await buildIfNeeded();
    const s = runBench<{ learners: number; seconds: number; rounds: number; runs: SideRun[] }>(
      "side-by-side",
    );
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
    };
    for (const connections of [...new Set(s.runs.map((r) => r.connections))]) {
      const of = (server: SideRun["server"]) =>
        s.runs.filter((r) => r.connections === connections && r.server === server);
      const [retain, minimal] = [of("retain"), of("minimal")];
      const ratios = retain.map((r, i) => r.perSecond / (minimal[i]?.perSecond ?? Number.NaN));
      for (const r of s.runs.filter((run) => run.connections === connections)) {
        console.log(
          `  round ${r.round}, ${connections} connections, ${r.server}: ${r.perSecond.toFixed(0)} reviews/s, CPU ${r.cpuMsPerReview.toFixed(2)} ms/review, p95 ${ms(r.p95)}, statuses ${JSON.stringify(r.statuses)}`,
        );
      }
      rows.push([
        `Review submit side by side, SQLite, ${connections} connections back to back, ${s.rounds} interleaved rounds of ${s.seconds} s (medians): Retain vs the minimal raw-SQL route`,
        `${median(retain.map((r) => r.perSecond)).toFixed(0)} vs ${median(minimal.map((r) => r.perSecond)).toFixed(0)} reviews/s = ${(median(ratios) * 100).toFixed(0)} % (rounds ${ratios.map((x) => `${(x * 100).toFixed(0)} %`).join(", ")}); server CPU per review ${median(retain.map((r) => r.cpuMsPerReview)).toFixed(2)} vs ${median(minimal.map((r) => r.cpuMsPerReview)).toFixed(2)} ms`,
        ">= 80 % (issue 18)",
      ]);
    }
  }
  if (wanted("next-card")) {
    await buildIfNeeded();
    const n = runBench<Percentiles & { ratings: number }>("next-card");
    rows.push([
      `Next card on screen after a rating key, Chromium, ${n.ratings} ratings`,
      `p50 ${ms(n.p50)}, p95 ${ms(n.p95)}, max ${ms(n.max)}`,
      "p95 < 50 ms",
    ]);
  }
  if (wanted("author-paint")) {
    await buildIfNeeded();
    const a = runBench<Percentiles & { proposals: number; move: number; accept: number; reject: number }>(
      "author-paint",
    );
    rows.push([
      `Review view of a document with ${a.proposals} proposals: key press (next, previous, accept, reject) to paint, Chromium, ${a.n} keys`,
      `p50 ${ms(a.p50)}, p95 ${ms(a.p95)}, max ${ms(a.max)}; p50 by key: move ${ms(a.move)}, accept ${ms(a.accept)}, reject ${ms(a.reject)}`,
      "< 100 ms",
    ]);
  }
  if (wanted("digest")) {
    const d = runBench<{
      learners: number;
      cardStates: number;
      recipients: number;
      dueCards: number;
      deadlines: number;
      computeMs: number;
      computeMaxMs: number;
      fullRunMs: number;
      outcomes: object;
      secondRunMs: number;
      secondRecipients: number;
    }>("digest");
    rows.push([
      `Daily digest, ${d.learners.toLocaleString("en")} learners all at their hour (${d.cardStates.toLocaleString("en")} card states; ${d.recipients.toLocaleString("en")} recipients, ${d.dueCards.toLocaleString("en")} due cards, ${d.deadlines.toLocaleString("en")} deadlines): computed in SQL`,
      `${ms(d.computeMs)} (max of 3: ${ms(d.computeMaxMs)})`,
      "< 30 s",
    ]);
    rows.push([
      "Daily digest, the whole run: every digest written to the outbox and the app (SQLite, no SMTP); then a second run the same hour",
      `${ms(d.fullRunMs)} ${JSON.stringify(d.outcomes)}; second run ${ms(d.secondRunMs)}, ${d.secondRecipients} recipients`,
      "report",
    ]);
  }
  if (wanted("trainer")) {
    const t = runBench<Percentiles & { clients: number; cards: number; logs: number }>("trainer");
    rows.push([
      `Trainer dashboard, ${t.clients} clients × ${t.cards} cards × ${(t.logs / t.clients).toLocaleString("en")} logs`,
      `p50 ${ms(t.p50)}, p95 ${ms(t.p95)}, max ${ms(t.max)}`,
      "p95 < 300 ms",
    ]);
  }
  if (wanted("trainer-groups")) {
    type Timed = Percentiles & { rows: number };
    const g = runBench<{
      clients: number;
      groups: number;
      logs: number;
      byGroup: Timed;
      byGroupAndStatus: Timed;
      byGroupAllDecks: Timed;
    }>("trainer-groups");
    const line = (label: string, t: Timed) =>
      rows.push([
        `Clients table, ${g.clients} clients in ${g.groups} groups, ${label} (${t.rows} rows)`,
        `p50 ${ms(t.p50)}, p95 ${ms(t.p95)}, max ${ms(t.max)}`,
        "p95 < 300 ms",
      ]);
    line("filtered by group", g.byGroup);
    line("by group and status", g.byGroupAndStatus);
    line("by group and deck, by name", g.byGroupAllDecks);
  }
  if (wanted("sign-in")) {
    type Timing = Percentiles & { mean: number };
    const s = runBench<{ unknown: Timing; wrong: Timing; differencePercent: number }>("sign-in");
    rows.push([
      `Sign-in time, unknown email vs wrong password, ${s.unknown.n} each`,
      `median ${ms(s.unknown.p50)} vs ${ms(s.wrong.p50)} (${s.differencePercent.toFixed(1)}%); p95 ${ms(s.unknown.p95)} vs ${ms(s.wrong.p95)}`,
      "within 10%",
    ]);
  }
  if (wanted("apkg")) {
    const a = runBench<
      Percentiles & {
        firstMs: number;
        cpuP50: number;
        cards: number;
        reviews: number;
        packageBytes: number;
        importMs: number;
        importedReviews: number;
      }
    >("apkg");
    rows.push([
      `.apkg export of ${a.cards.toLocaleString("en")} cards with ${a.reviews.toLocaleString("en")} reviews (${(a.packageBytes / 1024 / 1024).toFixed(1)} MB package)`,
      `first ${ms(a.firstMs)}, then p50 ${ms(a.p50)}, max ${ms(a.max)} (CPU time p50 ${ms(a.cpuP50)}; load average ${os.loadavg()[0]?.toFixed(1)})`,
      "< 3 s",
    ]);
    rows.push([
      `.apkg import of that package (worker read, ${a.importedReviews.toLocaleString("en")} reviews replayed and written)`,
      ms(a.importMs),
      "none",
    ]);
  }
  if (wanted("propose")) {
    const p = await (await import("./propose")).benchPropose();
    rows.push([
      `Proposals for a ${p.words.toLocaleString("en")}-word document (extract + propose, ${p.proposals} proposals)`,
      `first run ${ms(p.coldMs)} (loads the NLP model), then p50 ${ms(p.warm.p50)}, max ${ms(p.warm.max)}`,
      "< 2 s",
    ]);
    rows.push([
      "The same through the document worker thread (as the app runs it)",
      `first job ${ms(p.workerColdMs)} (builds and starts the worker), then p50 ${ms(p.workerWarm.p50)}, max ${ms(p.workerWarm.max)}`,
      "< 2 s",
    ]);
  }
  if (wanted("bundle")) {
    await buildIfNeeded();
    for (const { route, gzipKiB } of firstLoadJs(["/study", "/dashboard", "/quiz/[attemptId]", "/stats"])) {
      rows.push([
        `First-load JavaScript of ${route}`,
        `${gzipKiB.toFixed(1)} KiB (${((gzipKiB * 1024) / 1000).toFixed(1)} kB) gzipped`,
        route === "/study" ? "<= 140 KiB (issue 18)" : "none",
      ]);
    }
  }
  console.log("\nRetain benchmarks");
  for (const [what, result, budget] of rows) console.log(`- ${what}: ${result} (budget ${budget})`);
});

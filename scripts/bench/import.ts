import { createHash } from "node:crypto";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { seedDatabase } from "@/lib/seed";
import { actionReply, pagePath, type ServerAction, serverActions } from "../../e2e/fuzz/actions";
import { runLearners } from "./reviews";
import { signIn, startServer } from "./server";
import { percentiles } from "./stats";
import { insertBenchDeck } from "./synthetic-history";

const PASSWORD = "bench-password";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A valid file at the card cap: 5,000 cards with tags, about 330 KB. */
const VALID = Array.from(
  { length: 5000 },
  (_, i) =>
    `"What does vitamin K2 do, point ${i}?","It activates protein number ${i}, see notes",bench tag${i % 7}`,
).join("\n");
/** Issue 13's file: 5 MB of one-character lines (2.6 million "The back is empty"). */
const PATHOLOGICAL = "a\n".repeat(2_600_000);

function form(fields: Record<string, string>, content: string): FormData {
  const data = new FormData();
  data.set("file", new File([content], "cards.csv", { type: "text/csv" }));
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

type EncodeReply = (value: unknown) => Promise<string | FormData>;
const { encodeReply } = createRequire(path.join(process.cwd(), "package.json"))(
  "next/dist/compiled/react-server-dom-turbopack/cjs/react-server-dom-turbopack-client.edge.production.js",
) as { encodeReply: EncodeReply };

interface PreparedCall {
  action: ServerAction;
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
}

/**
 * An action call encoded once, as the browser encodes it (React's reply encoding, then multipart
 * bytes): this process also times the other learners' answers, so it must not spend its own event
 * loop re-encoding 5 MB bodies while it does.
 */
async function prepare(action: ServerAction, fields: Record<string, string>, content: string) {
  const request = new Request("http://bench.invalid/", {
    method: "POST",
    body: await encodeReply([null, form(fields, content)]),
  });
  return {
    action,
    body: new Uint8Array(await request.arrayBuffer()),
    contentType: request.headers.get("content-type") ?? "text/plain",
  } satisfies PreparedCall;
}

async function send(base: string, call: PreparedCall, cookie: string) {
  const response = await fetch(`${base}${pagePath(call.action.pages[0] ?? "")}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "next-action": call.action.id,
      accept: "text/x-component",
      "content-type": call.contentType,
      cookie,
    },
    body: call.body,
  });
  return actionReply({ status: response.status, headers: response.headers, text: await response.text() });
}

/** The preview step as the import page sends it; returns its duration and the preview it answered. */
async function preview(base: string, call: PreparedCall, cookie: string) {
  const started = performance.now();
  const reply = await send(base, call, cookie);
  const ms = performance.now() - started;
  if (reply.kind !== "returned") throw new Error(`Preview failed: ${JSON.stringify(reply)}`);
  return { ms, value: reply.value as { ok: boolean; preview?: { cardCount: number; errorCount: number } } };
}

/**
 * Whether the server still accepts new connections. A SIGTERM from elsewhere makes `next start`
 * close its listener and wait for open keep-alive connections, which the learners keep busy: the
 * run would go on, its figures worthless (seen here while other runs shared the machine).
 */
function stillListening(base: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}/api/health`, { agent: false }, (response) => {
      response.resume();
      resolve();
    });
    request.on("error", (error) =>
      reject(
        new Error(
          `The server stopped accepting connections during the run; figures discarded (${error.message})`,
        ),
      ),
    );
  });
}

/**
 * Card imports through the production server while `learners` other learners submit reviews
 * about once a second: the p95 of the answers that overlapped an import against that of the
 * others (issue 13's budget: under 2x). Two kinds of import take turns: a valid 5,000-card file
 * (preview, then confirm, which writes the deck) and issue 13's 5 MB file of one-character lines
 * (preview only; it is refused). Importers rotate over accounts, which may keep 20,000 cards each.
 */
export async function benchImport(url: string, { learners = 20, seconds = 40 } = {}) {
  await seedDatabase({ demo: false, url });
  const cards = await insertBenchDeck(url, "submit", 4000);
  const { createUser } = await import("@/lib/data/users");
  const emails = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => `${prefix}${i}@bench.example`);
  const learnerEmails = emails("learner", learners);
  const importerEmails = emails("importer", 20);
  for (const email of [...learnerEmails, ...importerEmails])
    await createUser({ name: email.split("@")[0] as string, email, password: PASSWORD, role: "learner" });
  const actions = serverActions();
  const previewAction = actions.get("previewImportAction");
  const confirmAction = actions.get("confirmImportAction");
  if (!previewAction || !confirmAction) throw new Error("The import actions are not in the build");

  const server = await startServer(url);
  try {
    const base = server.baseUrl;
    const cookies = await Promise.all(learnerEmails.map((email) => signIn(base, email, PASSWORD)));
    const importers = await Promise.all(importerEmails.map((email) => signIn(base, email, PASSWORD)));
    const digest = createHash("sha256").update(VALID).digest("hex");
    const calls = {
      validPreview: await prepare(previewAction, { delimiter: "auto" }, VALID),
      validConfirm: await prepare(confirmAction, { delimiter: "auto", title: "Bench", digest }, VALID),
      pathologicalPreview: await prepare(previewAction, { delimiter: "auto" }, PATHOLOGICAL),
    };
    let imports = 0;

    type Kind = "valid preview" | "valid confirm" | "5 MB preview";
    const windows: { kind: Kind; from: number; to: number }[] = [];
    let recording = false;
    const timed = async <T>(kind: Kind, work: () => Promise<T>): Promise<T> => {
      const from = performance.now();
      const result = await work();
      if (recording) windows.push({ kind, from, to: performance.now() });
      return result;
    };

    const validImport = async () => {
      const cookie = importers[Math.floor(imports / 4) % importers.length] as string;
      imports += 1;
      const started = performance.now();
      const shown = await timed("valid preview", () => preview(base, calls.validPreview, cookie));
      if (shown.value.preview?.cardCount !== 5000)
        throw new Error(`Unexpected preview ${JSON.stringify(shown)}`);
      const reply = await timed("valid confirm", () => send(base, calls.validConfirm, cookie));
      if (reply.kind !== "redirect") throw new Error(`Import failed: ${JSON.stringify(reply)}`);
      return { preview: shown.ms, total: performance.now() - started };
    };
    const pathological = async () => {
      const shown = await timed("5 MB preview", () =>
        preview(base, calls.pathologicalPreview, importers[0] as string),
      );
      if (shown.value.preview?.cardCount !== 0)
        throw new Error(`Unexpected preview ${JSON.stringify(shown)}`);
      return shown.ms;
    };

    // Warm-up: first compile of the page, first worker start.
    await validImport();
    await pathological();
    const alone = { valid: [] as number[], validPreview: [] as number[], pathological: [] as number[] };
    for (let i = 0; i < 3; i++) {
      const run = await validImport();
      alone.valid.push(run.total);
      alone.validPreview.push(run.preview);
      alone.pathological.push(await pathological());
    }

    // One run of paced answers; meanwhile an import starts about every 0.6 s, alternating the
    // two files. Answers are then sorted by whether they overlapped an import window.
    const answers: { at: number; ms: number }[] = [];
    const during = { valid: [] as number[], pathological: [] as number[] };
    let running = true;
    const importing = (async () => {
      await sleep(1000);
      recording = true;
      for (let turn = 0; running && imports < importers.length * 4; turn++) {
        if (turn % 2 === 0) during.valid.push((await validImport()).total);
        else during.pathological.push(await pathological());
        await sleep(400 + Math.random() * 200);
      }
      recording = false;
    })();
    await runLearners(
      [base],
      cookies,
      (learner, i) => cards[(learner * 97 + i) % cards.length] as string,
      seconds,
      1000,
      (at, ms) => answers.push({ at, ms }),
    );
    running = false;
    await importing;
    await stillListening(base);
    const overlaps = (a: { at: number; ms: number }, kind?: Kind) =>
      windows.some((w) => (!kind || w.kind === kind) && a.at < w.to && a.at + a.ms > w.from);
    const idleStats = percentiles(answers.filter((a) => !overlaps(a)).map((a) => a.ms));
    const busyStats = percentiles(answers.filter((a) => overlaps(a)).map((a) => a.ms));
    const byKind = (...kinds: Kind[]) =>
      percentiles(answers.filter((a) => kinds.some((kind) => overlaps(a, kind))).map((a) => a.ms));
    const valid = byKind("valid preview", "valid confirm");
    const pathologicalStats = byKind("5 MB preview");
    return {
      learners,
      seconds,
      alone: {
        valid: percentiles(alone.valid),
        validPreview: percentiles(alone.validPreview),
        pathological: percentiles(alone.pathological),
      },
      underLoad: { valid: percentiles(during.valid), pathological: percentiles(during.pathological) },
      idle: idleStats,
      during: busyStats,
      duringKind: {
        validPreview: byKind("valid preview"),
        validConfirm: byKind("valid confirm"),
        pathologicalPreview: byKind("5 MB preview"),
      },
      p95Ratio: busyStats.p95 / idleStats.p95,
      /** The budget: a valid 5,000-card import (preview and confirm). */
      valid,
      validRatio: valid.p95 / idleStats.p95,
      pathological: pathologicalStats,
      pathologicalRatio: pathologicalStats.p95 / idleStats.p95,
    };
  } finally {
    await server.stop();
  }
}

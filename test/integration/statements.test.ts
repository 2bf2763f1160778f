import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { recordReview, StaleReviewError, undoReview } from "@/lib/data/reviews";
import { dialect, query, transaction } from "@/lib/query";
import { processPool } from "@/lib/query/connections";
import { preparedStatements } from "@/lib/query/prepared";
import { watchStatements } from "@/lib/query/statement-count";
import { sqlite } from "@/lib/sqlite-connection";
import { createDeck, createLearner, key } from "./fixtures";

// Issue 17: "a test prepares every statement on both databases". This file runs in both
// integration projects; each prepares the statements on its own database without running them,
// so a column or table one database lacks fails here, not in a learner's request.

const ROOT = path.resolve(__dirname, "../..");
const T0 = new Date(Date.UTC(2026, 2, 1, 12, 0, 0));

/** Parses and plans `text` on this file's database without running it (no write happens). */
async function prepareOnly(text: string): Promise<void> {
  if (dialect() === "sqlite") {
    sqlite().prepare(text);
    return;
  }
  const client = await processPool().connect();
  try {
    // Simple-protocol PREPARE: parameters ($1…) get their types from the statement itself.
    await client.query(`PREPARE retain_statement_check AS ${text}`);
    await client.query("DEALLOCATE retain_statement_check");
  } finally {
    client.release();
  }
}

/** Source files that define statements with `prepared<…>()` (lib/query/prepared.ts). */
function modulesWithPreparedStatements(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(file);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        if (/\bprepared<[^>]*>\(/.test(readFileSync(file, "utf8"))) found.push(file);
      }
    }
  };
  for (const dir of ["lib", "app"]) walk(path.join(ROOT, dir));
  return found.filter((file) => !file.endsWith(path.join("lib", "query", "prepared.ts")));
}

// Loading a module registers its statements; a new module that prepares one is found by the scan.
const modules = modulesWithPreparedStatements();
for (const file of modules) await import(file);
// A statement written for one database (`only`) is prepared on that one.
const statements = preparedStatements().filter(
  (statement) => statement.only === undefined || statement.only === dialect(),
);

describe("statements compiled once (lib/query/prepared.ts)", () => {
  it("are found in every module that defines one", () => {
    expect(modules.map((file) => path.relative(ROOT, file))).toEqual(
      expect.arrayContaining([
        path.join("lib", "data", "reviews", "read.ts"),
        path.join("lib", "data", "reviews", "write.ts"),
      ]),
    );
    for (const file of modules) {
      expect(statements.some((statement) => statement.site.includes(path.relative(ROOT, file)))).toBe(true);
    }
  });

  it.each(statements.map((statement) => [statement.site.replace(`${ROOT}/`, ""), statement] as const))(
    "%s prepares on this database",
    async (_site, statement) => {
      await prepareOnly(statement.compile(query()).sql);
    },
  );
});

describe("the statements of lib/data/reviews", () => {
  it("prepares every statement a review, a repeat, a stale answer, an answer inside a transaction and an undo send", async () => {
    const user = await createLearner();
    const [first, second] = await createDeck("statements", 2);
    const sent = new Set<string>();
    const stop = watchStatements((text) => sent.add(text));
    try {
      const answer = (cardId: string, expectedVersion: number, idempotencyKey = key()) => ({
        idempotencyKey,
        cardId,
        rating: 3,
        expectedVersion,
        answeredAt: T0.getTime(),
        durationMs: 1000,
      });
      const once = answer(first as string, 0);
      await recordReview(user.id, once, T0);
      await recordReview(user.id, once, T0); // a repeat of the key
      await expect(recordReview(user.id, answer(first as string, 0), T0)).rejects.toThrow(StaleReviewError);
      // The quiz's path: the review joins the caller's transaction.
      await transaction((tx) => recordReview(user.id, answer(second as string, 0), T0, { within: tx }));
      await undoReview(user.id, once.idempotencyKey, T0);
    } finally {
      stop();
    }
    const texts = [...sent].filter((text) => !/^(BEGIN|COMMIT|ROLLBACK)\b/i.test(text));
    // The read, the log insert, the state upsert and undo's reads and writes, at the least.
    expect(texts.length).toBeGreaterThanOrEqual(6);
    for (const text of texts) await prepareOnly(text);
  });
});

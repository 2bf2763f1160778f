import "server-only";
import { randomBytes } from "node:crypto";
import type { Insertable } from "kysely";
import { REVERSE_SUFFIX } from "@/lib/authoring/ids";
import { importedHistory } from "@/lib/exchange/apkg/anki-schedule";
import type { PackageCard } from "@/lib/exchange/apkg/package-read.mjs";
import { type DB, type Tx, transaction } from "@/lib/query";
import type { LearnerSettings } from "@/lib/srs";
import { personalCardId } from "../personal-decks";
import { cardKey } from "../reviews";
import { logColumns, scheduleColumns } from "../reviews/write";

/**
 * The schedules and review history of an imported .apkg: each card's Anki answers replayed through
 * ts-fsrs with the importer's settings (lib/exchange/apkg/anki-schedule.ts), written as CardState
 * and ReviewLog rows (origin "import") of the importer's new, still hidden deck.
 */

export interface ImportedRows {
  states: Insertable<DB["CardState"]>[];
  logs: Insertable<DB["ReviewLog"]>[];
}

/** Rows per INSERT: 19 parameters a log row, well under both databases' limits. */
const ROWS_PER_INSERT = 500;
/**
 * INSERTs per transaction (2,000 rows). Short transactions: on SQLite one holds the single write
 * lock, and other learners' reviews wait behind it. The deck stays hidden until it is complete, and
 * a failed import deletes it with its cards, whose states and logs go with them (cascade).
 */
const INSERTS_PER_TRANSACTION = 4;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The rows for the cards of the deck `slug` (its cards are `personalCardId(slug, index)`, in package order). */
export function importedRows(
  ownerId: string,
  slug: string,
  cards: readonly PackageCard[],
  settings: LearnerSettings,
  now: Date,
): ImportedRows {
  const states: ImportedRows["states"] = [];
  const logs: ImportedRows["logs"] = [];
  cards.forEach((card, index) => {
    const id = personalCardId(slug, index);
    const sides = card.mirror
      ? ([
          [id, card.forward],
          [`${id}${REVERSE_SUFFIX}`, card.mirror],
        ] as const)
      : ([[id, card.forward]] as const);
    for (const [cardId, anki] of sides) {
      const history = importedHistory(anki, settings, cardKey(ownerId, cardId), now);
      if (!history.schedule) continue;
      const { schedule } = history;
      states.push({
        userId: ownerId,
        cardId,
        ...scheduleColumns(schedule),
        version: Math.max(1, history.logs.length),
        introducedAt: history.logs[0]?.reviewedAt ?? schedule.lastReview ?? now,
      });
      history.logs.forEach((log, i) => {
        logs.push({
          id: "",
          userId: ownerId,
          cardId,
          idempotencyKey: `apkg:${cardId}:${i + 1}`,
          origin: "import",
          durationMs: log.durationMs,
          ...logColumns(log),
          cardVersion: i + 1,
        });
      });
    }
  });
  // Log ids as the review path makes them (24 hex digits), from one draw of random bytes.
  const random = randomBytes(12 * logs.length).toString("hex");
  logs.forEach((log, i) => {
    log.id = random.slice(24 * i, 24 * (i + 1));
  });
  return { states, logs };
}

/**
 * Writes the rows in multi-row INSERTs, a few per transaction, yielding between transactions.
 * Every row is built before: a transaction awaits nothing but its own statements (docs/data-access.md).
 */
export async function writeImportedRows({ states, logs }: ImportedRows): Promise<void> {
  const statements: ((tx: Tx) => Promise<unknown>)[] = [];
  for (let start = 0; start < states.length; start += ROWS_PER_INSERT) {
    const rows = states.slice(start, start + ROWS_PER_INSERT);
    statements.push((tx) => tx.insertInto("CardState").values(rows).execute());
  }
  for (let start = 0; start < logs.length; start += ROWS_PER_INSERT) {
    const rows = logs.slice(start, start + ROWS_PER_INSERT);
    statements.push((tx) => tx.insertInto("ReviewLog").values(rows).execute());
  }
  for (let start = 0; start < statements.length; start += INSERTS_PER_TRANSACTION) {
    const batch = statements.slice(start, start + INSERTS_PER_TRANSACTION);
    await transaction(async (tx) => {
      for (const insert of batch) await insert(tx);
    });
    await nextTurn();
  }
}

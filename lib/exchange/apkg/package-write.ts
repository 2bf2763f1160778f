import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { crc32, deflateRaw } from "node:zlib";
import Database from "better-sqlite3";
import { Zip, type ZipInputFile } from "fflate";
import type { CardSchedule } from "@/lib/srs";
import { ankiCardColumns, ankiRevlogColumns, type ExportedReview, type RevlogColumns } from "./anki-schedule";
import {
  ANKI_MODELS,
  ankiCollectionIndexes,
  ankiCollectionTables,
  ankiDeckConfigJson,
  ankiDeckJson,
  type NoteKind,
} from "./collection-schema";
import { fieldHtml } from "./field-text.mjs";

/**
 * Writes an Anki package in the legacy format (collection.anki2, SQLite schema 11, plain deflate),
 * which every Anki since 2.1 imports (newer ones upgrade it on import). The collection is built
 * with better-sqlite3 in memory, then zipped with fflate with its `media` map and files.
 */

export interface PackageNote {
  kind: NoteKind;
  /** Plain text, as Retain stores it. */
  front: string;
  back: string;
  source: string;
  tags: readonly string[];
  /** Stable per Retain card, so importing a later export again updates the note in Anki. */
  key: string;
  /** The note's cards: one, or two for a reversed note (forward first). */
  cards: readonly PackageCardInput[];
  /** Media names (keys of PackageInput.media) shown above the question. */
  images: readonly string[];
}

export interface PackageCardInput {
  schedule: CardSchedule | null;
  /** In answer order. */
  logs: readonly ExportedReview[];
}

export interface PackageInput {
  deckName: string;
  deckDescription: string;
  notes: readonly PackageNote[];
  /** File name → bytes. */
  media: ReadonlyMap<string, Uint8Array>;
  desiredRetention: number;
  now: Date;
}

/** Anki's note checksum: the first 8 hex digits of the SHA-1 of the first field's text. */
function fieldChecksum(text: string): number {
  return Number.parseInt(createHash("sha1").update(text).digest("hex").slice(0, 8), 16);
}

/** A note guid Anki accepts (base91-like text); derived from the card so it is stable. */
function noteGuid(key: string): string {
  return createHash("sha1").update(`retain:${key}`).digest("base64").slice(0, 10);
}

const escapeAttribute = (name: string) => name.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function noteFields(note: PackageNote): string[] {
  const images = note.images.map((name) => `<img src="${escapeAttribute(name)}">`).join("");
  const front = `${images}${fieldHtml(note.front)}`;
  // Retain hides every deletion of a cloze card at once; one ordinal keeps that one Anki card.
  const text = note.kind === "cloze" ? front.replace(/\{\{c\d+::/g, "{{c1::") : front;
  return [text, fieldHtml(note.back), fieldHtml(note.source)];
}

export async function writePackage(input: PackageInput): Promise<Uint8Array> {
  // In memory, then serialized: no temporary file to write, read back and remove.
  const database = new Database(":memory:");
  let collection: Buffer;
  try {
    writeCollection(database, input);
    collection = database.serialize();
  } finally {
    database.close();
  }
  const names = [...input.media.keys()];
  const media = new TextEncoder().encode(
    JSON.stringify(Object.fromEntries(names.map((name, i) => [String(i), name]))),
  );
  return zipEntries(
    [
      { name: "collection.anki2", bytes: collection, compress: true },
      { name: "media", bytes: media, compress: true },
      // Pictures are compressed already: stored as they are.
      ...names.map((name, i) => ({
        name: String(i),
        bytes: input.media.get(name) as Uint8Array,
        compress: false,
      })),
    ],
    input.now,
  );
}

const deflate = promisify(deflateRaw);

/**
 * The zip archive, written by fflate's Zip. The deflating is Node's own zlib, on its thread pool:
 * fflate's JavaScript deflate of a 10 MB collection held the request thread for a second or more.
 */
async function zipEntries(
  entries: { name: string; bytes: Uint8Array; compress: boolean }[],
  mtime: Date,
): Promise<Uint8Array> {
  const compressed = await Promise.all(
    entries.map(async (entry) => {
      if (!entry.compress) return entry.bytes;
      // A view of zlib's Buffer, not a copy of it.
      const deflated = await deflate(entry.bytes, { level: 6 });
      return new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.byteLength);
    }),
  );
  const chunks: Uint8Array[] = [];
  const archive = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  entries.forEach((entry, i) => {
    const file: ZipInputFile = {
      filename: entry.name,
      size: entry.bytes.byteLength,
      crc: crc32(entry.bytes),
      compression: entry.compress ? 8 : 0,
      mtime,
    };
    archive.add(file);
    file.ondata?.(null, compressed[i] as Uint8Array<ArrayBuffer>, true);
  });
  archive.end();
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function writeCollection(database: Database.Database, input: PackageInput): void {
  // A scratch database: nothing to protect against a crash, so no journal.
  database.pragma("journal_mode = OFF");
  database.exec(ankiCollectionTables());
  const nowMs = input.now.getTime();
  const nowSeconds = Math.floor(nowMs / 1000);
  // The collection's day 0: today's start (UTC), so review due days count from today.
  const crt = Math.floor(nowSeconds / 86_400) * 86_400;
  // Deck and note/card ids are millisecond times in Anki; any distinct positive integers import.
  const deckId = nowMs;
  const totalCards = input.notes.reduce((sum, note) => sum + note.cards.length, 0);
  database
    .prepare(
      `INSERT INTO col (id, crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags)
       VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')`,
    )
    .run(
      crt,
      nowMs,
      nowMs,
      JSON.stringify({
        schedVer: 2,
        sched2021: true,
        activeDecks: [deckId],
        curDeck: deckId,
        nextPos: totalCards + 1,
        curModel: String(ANKI_MODELS.basic.id),
        fsrs: true,
      }),
      JSON.stringify(
        Object.fromEntries(
          Object.values(ANKI_MODELS).map((model) => [String(model.id), model.json(deckId, nowSeconds)]),
        ),
      ),
      JSON.stringify({
        "1": ankiDeckJson(1, "Default", "", nowSeconds),
        [String(deckId)]: ankiDeckJson(
          deckId,
          input.deckName.replaceAll("::", ":"),
          input.deckDescription,
          nowSeconds,
        ),
      }),
      JSON.stringify({ "1": ankiDeckConfigJson(nowSeconds, input.desiredRetention) }),
    );

  const insertNote = database.prepare(
    `INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data)
     VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')`,
  );
  const insertCard = database.prepare(
    `INSERT INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data)
     VALUES (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)`,
  );
  const insertRevlog = database.prepare(
    `INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)
     VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)`,
  );
  // Revlog rows are written after the cards, in answer order: ids made unique in one pass, and
  // appended to the table's B-tree in order.
  const revlog: { at: number; cardId: number; columns: RevlogColumns }[] = [];
  database.transaction(() => {
    let cardId = nowMs;
    let position = 0;
    input.notes.forEach((note, i) => {
      const noteId = nowMs + i;
      const fields = noteFields(note);
      const sortField = note.front.slice(0, 200);
      const tags = note.tags.length ? ` ${note.tags.join(" ")} ` : "";
      insertNote.run(
        noteId,
        noteGuid(note.key),
        ANKI_MODELS[note.kind].id,
        nowSeconds,
        tags,
        fields.join("\x1f"),
        sortField,
        fieldChecksum(sortField),
      );
      note.cards.forEach((card, ord) => {
        cardId += 1;
        position += 1;
        const columns = ankiCardColumns(card.schedule, position, crt, input.desiredRetention);
        insertCard.run(
          cardId,
          noteId,
          deckId,
          ord,
          nowSeconds,
          columns.type,
          columns.queue,
          columns.due,
          columns.ivl,
          columns.factor,
          columns.reps,
          columns.lapses,
          columns.left,
          columns.data,
        );
        for (const log of card.logs)
          revlog.push({ at: log.reviewedAt, cardId, columns: ankiRevlogColumns(log) });
      });
    });
    // A revlog id is its answer time in ms, and unique: answers at the same ms (several cards
    // answered together, or a bench's synthetic history) move to the next free ms. (A set of ids
    // taken, probed ms by ms, cost a third of the export on such a history.) The sort is stable.
    revlog.sort((a, b) => a.at - b.at);
    let last = Number.NEGATIVE_INFINITY;
    for (const { at, cardId, columns: row } of revlog) {
      const id = at > last ? at : last + 1;
      last = id;
      insertRevlog.run(id, cardId, row.ease, row.ivl, row.lastIvl, row.factor, row.time, row.type);
    }
  })();
  // Indexed once at the end: cheaper than keeping seven indexes up to date through 50,000 inserts.
  database.exec(ankiCollectionIndexes());
}

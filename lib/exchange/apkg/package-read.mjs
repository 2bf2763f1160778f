// Reads an Anki package (.apkg) into Retain's cards with their Anki scheduling and review history.
// Plain JavaScript: the worker thread loads it as it is on disk (see apkg-reader.ts).
// Only the legacy collection (collection.anki2 or collection.anki21, SQLite schema 11) is read:
// the newer collection.anki21b is zstd-compressed and in a newer schema.
import Database from "better-sqlite3";
import { fieldText, imageNames } from "./field-text.mjs";
import { readZipEntry, ZipError, zipEntries } from "./zip-entries.mjs";

export const APKG_LIMITS = Object.freeze({
  /** Checked on the upload's size before it is read. */
  maxBytes: 40 * 1024 * 1024,
  /** The collection inflated; inflating stops here (a zip bomb stops at this many bytes). */
  maxCollectionBytes: 160 * 1024 * 1024,
  maxEntries: 50_000,
  /**
   * Every entry together, as the central directory states their sizes: past this the package is
   * refused before anything is inflated (a zip bomb). The collection's cap and ample media.
   */
  maxUnpackedBytes: 320 * 1024 * 1024,
  /** Pictures the imported cards show, and their stated sizes together; checked before inflating. */
  maxPictures: 2000,
  maxPictureBytes: 64 * 1024 * 1024,
  /** The `media` map (JSON: entry number → file name). */
  maxMediaMapBytes: 8 * 1024 * 1024,
  /** Retain cards one package may become (a reversed note is two). */
  maxCards: 5000,
  maxReviews: 500_000,
  maxFieldLength: 2000,
  maxTags: 10,
  maxTagLength: 40,
});

const OLDER_ANKI =
  'This package was exported by a newer Anki in a format Retain cannot read. In Anki, export it again with "Support older Anki versions" ticked.';
const NOT_A_PACKAGE =
  "This is not an Anki package (.apkg). Export the deck from Anki as an .apkg and try again.";

/** Fields a template names that are not note fields. */
const SPECIAL_FIELDS = new Set(["FrontSide", "Tags", "Deck", "Subdeck", "Card", "CardFlag", "Type"]);

/** The note fields a template refers to, in order: {{Field}}, {{text:Field}}, {{cloze:Field}}. */
function templateFields(template, fieldNames) {
  const names = [];
  for (const match of String(template ?? "").matchAll(/\{\{([^#^/!{}][^{}]*)\}\}/g)) {
    const name = match[1].split(":").at(-1).trim();
    if (!SPECIAL_FIELDS.has(name) && fieldNames.includes(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Which field is each template's question and answer: [front, back] field indexes per card ordinal. */
function standardSides(model) {
  const fieldNames = model.flds.map((field) => String(field.name));
  return model.tmpls.map((template) => {
    const front = templateFields(template.qfmt, fieldNames);
    const back = templateFields(template.afmt, fieldNames).filter((name) => !front.includes(name));
    return [fieldNames.indexOf(front[0] ?? fieldNames[0]), back[0] ? fieldNames.indexOf(back[0]) : -1];
  });
}

function clozeSides(model) {
  const fieldNames = model.flds.map((field) => String(field.name));
  const template = model.tmpls[0] ?? {};
  const cloze = /\{\{cloze:([^{}]+)\}\}/.exec(String(template.qfmt ?? ""));
  const text = cloze ? Math.max(0, fieldNames.indexOf(cloze[1].trim())) : 0;
  const extra = templateFields(template.afmt, fieldNames).find((name) => fieldNames.indexOf(name) !== text);
  return [text, extra ? fieldNames.indexOf(extra) : -1];
}

/** The card's cloze: its own deletion (as c1) hidden, the note's other deletions shown as text. */
function clozeFront(text, ordinal) {
  return text.replace(/\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g, (_, n, answer, hint) =>
    Number(n) === ordinal + 1 ? `{{c1::${answer}${hint ? `::${hint}` : ""}}}` : answer,
  );
}

/** A card's due time in ms since the epoch, from Anki's queue-dependent `due`. */
function dueTime(card, crtSeconds) {
  const inDays = (days) => (crtSeconds + days * 86_400) * 1000;
  if (card.queue === 1 || card.queue === 4) return card.due * 1000;
  if (card.type === 0) return null;
  // Suspended or buried learning cards keep their queue-1 timestamp.
  if (card.due > 1_000_000_000) return card.due * 1000;
  return inDays(card.due);
}

function cardData(json) {
  try {
    const data = JSON.parse(json || "{}");
    return {
      stability: typeof data.s === "number" && data.s > 0 ? data.s : null,
      difficulty: typeof data.d === "number" && data.d >= 1 && data.d <= 10 ? data.d : null,
    };
  } catch {
    return { stability: null, difficulty: null };
  }
}

/**
 * Review history usable by FSRS: answered reviews (ease 1–4) of learning, review, relearning and
 * filtered-deck kinds; a manual reset to new (type 4, interval 0) starts the history over.
 */
function usableHistory(entries) {
  let history = [];
  for (const entry of entries) {
    if (entry.type === 4 && entry.ivl === 0 && entry.ease === 0) history = [];
    else if (entry.ease >= 1 && entry.ease <= 4 && entry.type <= 3)
      history.push({
        at: entry.id,
        rating: entry.ease,
        durationMs: Math.max(0, Math.min(entry.time, 3_600_000)),
      });
  }
  return history;
}

function openCollection(bytes) {
  let database;
  try {
    database = new Database(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // Only the four tables are read; a crafted file's views or triggers run nothing of ours.
    database.pragma("trusted_schema = OFF");
    const tables = new Set(
      database
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((row) => row.name),
    );
    if (!["col", "notes", "cards", "revlog"].every((name) => tables.has(name))) throw new Error("tables");
    return database;
  } catch {
    database?.close();
    throw new ZipError(NOT_A_PACKAGE);
  }
}

function readCollection(database) {
  const col = database.prepare("SELECT crt, ver, models FROM col LIMIT 1").get();
  if (!col || Number(col.ver) !== 11) throw new ZipError(OLDER_ANKI);
  let models;
  try {
    models = JSON.parse(col.models);
  } catch {
    throw new ZipError(OLDER_ANKI);
  }
  const cardCount = database.prepare("SELECT COUNT(*) AS n FROM cards").get().n;
  const reviewCount = database.prepare("SELECT COUNT(*) AS n FROM revlog").get().n;
  return { crt: Number(col.crt), models, cardCount, reviewCount };
}

const megabytes = (bytes) => `${Math.round(bytes / 1024 / 1024).toLocaleString("en-GB")} MB`;

/**
 * @param {Uint8Array} bytes The .apkg file.
 * @param {{ maxPictureFileBytes: number }} options The size of one picture Retain keeps.
 * @returns {import("./package-read.d.mts").PackageReading}
 */
export function readPackage(bytes, options) {
  let entries;
  try {
    entries = zipEntries(bytes, APKG_LIMITS.maxEntries);
  } catch (error) {
    if (error instanceof ZipError && error.message === "too many entries")
      return { refused: "This package holds too many files for Retain to read." };
    return { refused: NOT_A_PACKAGE };
  }
  // The sizes the directory states, before a byte is inflated; an entry that inflates past its
  // stated size is stopped where it is read (readZipEntry's cap).
  let unpacked = 0;
  for (const entry of entries.values()) unpacked += entry.size;
  if (unpacked > APKG_LIMITS.maxUnpackedBytes)
    return {
      refused: `This package would unpack to ${megabytes(unpacked)}, more than the ${megabytes(APKG_LIMITS.maxUnpackedBytes)} Retain reads (a package this much larger unpacked may be a zip bomb): nothing was read. Export the deck from Anki again, with fewer media.`,
    };
  const meta = entries.get("meta");
  if (meta) {
    // PackageMetadata (protobuf): field 1, version: 1 and 2 are the legacy collections, 3 the new one.
    let version = 0;
    try {
      const metaBytes = readZipEntry(bytes, meta, 64);
      if (metaBytes[0] === 0x08) version = metaBytes[1];
    } catch {
      return { refused: NOT_A_PACKAGE };
    }
    if (version > 2) return { refused: OLDER_ANKI };
  }
  const collectionEntry = entries.get("collection.anki21") ?? entries.get("collection.anki2");
  if (!collectionEntry) {
    if (entries.has("collection.anki21b")) return { refused: OLDER_ANKI };
    return { refused: NOT_A_PACKAGE };
  }
  let collectionBytes;
  try {
    collectionBytes = readZipEntry(bytes, collectionEntry, APKG_LIMITS.maxCollectionBytes);
  } catch (error) {
    if (error instanceof ZipError && error.message === "too large")
      return {
        refused: `The collection in this package is larger than ${APKG_LIMITS.maxCollectionBytes / 1024 / 1024} MB unpacked. Export a smaller deck.`,
      };
    return { refused: NOT_A_PACKAGE };
  }
  let database;
  let reading;
  try {
    database = openCollection(collectionBytes);
    reading = readCards(database);
  } catch (error) {
    if (error instanceof ZipError) return { refused: error.message };
    return { refused: NOT_A_PACKAGE };
  } finally {
    database?.close();
  }
  if ("refused" in reading) return reading;
  const pictures = readPictures(bytes, entries, reading.cards, options.maxPictureFileBytes);
  if ("refused" in pictures) return pictures;
  return { ...reading, media: { ...reading.media, ...pictures } };
}

/** The `media` map as file name → entry, or null when it cannot be read. */
function mediaEntries(bytes, entries) {
  const map = entries.get("media");
  if (!map) return null;
  try {
    const json = JSON.parse(new TextDecoder().decode(readZipEntry(bytes, map, APKG_LIMITS.maxMediaMapBytes)));
    const byName = new Map();
    for (const [number, name] of Object.entries(json ?? {}))
      if (typeof name === "string" && !byName.has(name) && entries.has(number))
        byName.set(name, entries.get(number));
    return byName;
  } catch {
    return null;
  }
}

/**
 * The pictures the imported cards show, inflated: each only if its stated size is at most
 * `maxFileBytes` (else listed as too large), and all of them together within the package caps,
 * checked on the stated sizes before any is inflated. Their type is checked by the caller.
 */
function readPictures(bytes, entries, cards, maxFileBytes) {
  const names = [...new Set(cards.flatMap((card) => (card.image ? [card.image] : [])))];
  const found = { pictures: [], missing: [], tooLarge: [] };
  if (names.length === 0) return found;
  const byName = mediaEntries(bytes, entries) ?? new Map();
  const wanted = [];
  for (const name of names) {
    let entry = byName.get(name);
    if (!entry) {
      // Some writers percent-encode the name in the field.
      try {
        entry = byName.get(decodeURIComponent(name));
      } catch {}
    }
    if (!entry) found.missing.push(name);
    else if (entry.size > maxFileBytes) found.tooLarge.push(name);
    else wanted.push([name, entry]);
  }
  const stated = wanted.reduce((sum, [, entry]) => sum + entry.size, 0);
  if (wanted.length > APKG_LIMITS.maxPictures || stated > APKG_LIMITS.maxPictureBytes)
    return {
      refused: `The cards of this package show ${wanted.length.toLocaleString("en-GB")} pictures of ${megabytes(stated)} unpacked; Retain imports at most ${APKG_LIMITS.maxPictures.toLocaleString("en-GB")} pictures of ${megabytes(APKG_LIMITS.maxPictureBytes)} together. Export a smaller deck.`,
    };
  for (const [name, entry] of wanted) {
    try {
      // Capped at its stated size: the total above holds for what is inflated.
      found.pictures.push({ name, bytes: readZipEntry(bytes, entry, entry.size) });
    } catch (error) {
      if (error instanceof ZipError && error.message === "too large")
        return {
          refused: `The picture "${name.slice(0, 60)}" in this package unpacks to more than its stated size: the package is damaged or a zip bomb, and Retain does not read it.`,
        };
      found.missing.push(name);
    }
  }
  return found;
}

function readCards(database) {
  const { crt, models, cardCount, reviewCount } = readCollection(database);
  if (cardCount > APKG_LIMITS.maxCards * 2)
    return {
      refused: `This package has ${cardCount.toLocaleString("en-GB")} cards; Retain imports at most ${APKG_LIMITS.maxCards.toLocaleString("en-GB")} at a time.`,
    };
  if (reviewCount > APKG_LIMITS.maxReviews)
    return {
      refused: `This package has more than ${APKG_LIMITS.maxReviews.toLocaleString("en-GB")} reviews; export a smaller deck.`,
    };
  const decks = (() => {
    try {
      return JSON.parse(database.prepare("SELECT decks FROM col LIMIT 1").get().decks);
    } catch {
      return {};
    }
  })();

  const history = new Map();
  for (const entry of database
    .prepare("SELECT id, cid, ease, ivl, type, time FROM revlog ORDER BY id")
    .iterate()) {
    const list = history.get(entry.cid) ?? [];
    list.push({
      id: Number(entry.id),
      ease: Number(entry.ease),
      ivl: Number(entry.ivl),
      type: Number(entry.type),
      time: Number(entry.time),
    });
    history.set(entry.cid, list);
  }

  const cardsByNote = new Map();
  for (const card of database
    .prepare(
      "SELECT id, nid, did, ord, type, queue, due, ivl, reps, lapses, data FROM cards ORDER BY nid, ord",
    )
    .iterate()) {
    const list = cardsByNote.get(card.nid) ?? [];
    list.push(card);
    cardsByNote.set(card.nid, list);
  }

  const skipped = { otherNoteTypes: 0, tooLong: 0, empty: 0 };
  // Pictures the cards cannot show (after a card's first, or on the answer side), and sounds.
  let unshownPictures = 0;
  let sounds = 0;
  const deckCounts = new Map();
  const cards = [];
  const ankiCard = (card) => {
    deckCounts.set(card.did, (deckCounts.get(card.did) ?? 0) + 1);
    return {
      type: Number(card.type),
      queue: Number(card.queue),
      due: dueTime({ type: Number(card.type), queue: Number(card.queue), due: Number(card.due) }, crt),
      interval: Math.max(0, Number(card.ivl)),
      reps: Number(card.reps),
      lapses: Number(card.lapses),
      ...cardData(card.data),
      history: usableHistory(history.get(card.id) ?? []),
    };
  };

  for (const note of database.prepare("SELECT id, mid, tags, flds FROM notes ORDER BY id").iterate()) {
    const noteCards = cardsByNote.get(note.id) ?? [];
    const model = models[String(note.mid)];
    if (!model || !Array.isArray(model.flds) || !Array.isArray(model.tmpls)) {
      skipped.otherNoteTypes += noteCards.length;
      continue;
    }
    const rawFields = String(note.flds).split("\x1f");
    const fields = rawFields.map((field) => {
      sounds += (field.match(/\[sound:[^\]]*\]/g) ?? []).length;
      return fieldText(field).text;
    });
    const pictures = rawFields.map((field) => imageNames(field).filter(Boolean));
    const tags = String(note.tags)
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, APKG_LIMITS.maxTags)
      .map((tag) => tag.slice(0, APKG_LIMITS.maxTagLength));
    // A Retain card shows one picture, with its question: the front field's first.
    const push = (card, frontField, backField) => {
      if (!card.front) skipped.empty += 1;
      else if (
        card.front.length > APKG_LIMITS.maxFieldLength ||
        card.back.length > APKG_LIMITS.maxFieldLength
      )
        skipped.tooLong += 1;
      else {
        const front = pictures[frontField] ?? [];
        unshownPictures += Math.max(0, front.length - 1) + (pictures[backField] ?? []).length;
        cards.push({ ...card, image: front[0] ?? null });
      }
    };
    if (Number(model.type) === 1) {
      const [text, extra] = clozeSides(model);
      for (const card of noteCards) {
        const front = clozeFront(fields[text] ?? "", Number(card.ord));
        if (!/\{\{c1::/.test(front)) {
          skipped.empty += 1;
          continue;
        }
        push(
          {
            kind: "cloze",
            front,
            back: fields[extra] ?? "",
            tags,
            forward: ankiCard(card),
            mirror: null,
          },
          text,
          extra,
        );
      }
      continue;
    }
    const sides = standardSides(model);
    const byOrd = new Map(noteCards.map((card) => [Number(card.ord), card]));
    const [first, second] = sides;
    const mirrored =
      sides.length === 2 && second[0] === first[1] && second[1] === first[0] && byOrd.has(0) && byOrd.has(1);
    if (mirrored) {
      push(
        {
          kind: "reversed",
          front: fields[first[0]] ?? "",
          back: fields[first[1]] ?? "",
          tags,
          forward: ankiCard(byOrd.get(0)),
          mirror: ankiCard(byOrd.get(1)),
        },
        first[0],
        first[1],
      );
      continue;
    }
    for (const card of noteCards) {
      const side = sides[Number(card.ord)];
      if (!side) {
        skipped.otherNoteTypes += 1;
        continue;
      }
      push(
        {
          kind: "basic",
          front: fields[side[0]] ?? "",
          back: fields[side[1]] ?? "",
          tags,
          forward: ankiCard(card),
          mirror: null,
        },
        side[0],
        side[1],
      );
    }
  }
  const studied = cards.reduce((sum, card) => sum + (card.mirror ? 2 : 1), 0);
  if (studied > APKG_LIMITS.maxCards)
    return {
      refused: `This package has ${studied.toLocaleString("en-GB")} cards; Retain imports at most ${APKG_LIMITS.maxCards.toLocaleString("en-GB")} at a time.`,
    };
  const mainDeck = [...deckCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const deckName = mainDeck !== undefined ? String(decks[String(mainDeck)]?.name ?? "") : "";
  return {
    deckName: deckName.split("::").at(-1)?.trim().slice(0, 100) || null,
    cards,
    skipped,
    media: { unshown: unshownPictures, sounds },
  };
}

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { zipSync } from "fflate";

/**
 * Builds an .apkg the way Anki (23.10 and later) writes one with "Support older Anki versions":
 * a `meta` entry (protobuf, version 2), the collection as `collection.anki21` (SQLite schema 11),
 * a stub `collection.anki2`, the `media` map as JSON and media files named 0, 1, … Anki's stock
 * note types (Basic, Basic (and reversed card), Cloze) with their stock templates. Written here
 * from the format, independently of Retain's own writer, so an import test reads a foreign file.
 */

export interface FixtureNote {
  model: "Basic" | "Basic (and reversed card)" | "Cloze";
  fields: string[];
  tags?: string;
  /** Per card ordinal: scheduling columns and revlog rows (ms time, ease, type). */
  cards: {
    type: number;
    queue: number;
    due: number;
    ivl: number;
    reps: number;
    lapses: number;
    data?: string;
    revlog?: [number, number, number][];
  }[];
}

const MODEL_IDS = {
  Basic: 1_342_697_561_419,
  "Basic (and reversed card)": 1_342_697_561_420,
  Cloze: 1_342_697_561_421,
};

function stockModel(name: keyof typeof MODEL_IDS) {
  const field = (fieldName: string, ord: number) => ({
    name: fieldName,
    ord,
    sticky: false,
    rtl: false,
    font: "Arial",
    size: 20,
    description: "",
    plainText: false,
    collapsed: false,
    excludeFromSearch: false,
  });
  const tmpl = (tmplName: string, ord: number, qfmt: string, afmt: string) => ({
    name: tmplName,
    ord,
    qfmt,
    afmt,
    bqfmt: "",
    bafmt: "",
    did: null,
    bfont: "",
    bsize: 0,
  });
  const base = {
    id: MODEL_IDS[name],
    name,
    mod: 1_700_000_000,
    usn: -1,
    sortf: 0,
    did: null,
    css: ".card {}",
    latexPre: "",
    latexPost: "",
    latexsvg: false,
    tags: [],
    vers: [],
  };
  if (name === "Cloze")
    return {
      ...base,
      type: 1,
      flds: [field("Text", 0), field("Back Extra", 1)],
      tmpls: [tmpl("Cloze", 0, "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}")],
      req: [[0, "any", [0]]],
    };
  const card1 = tmpl("Card 1", 0, "{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}");
  const card2 = tmpl("Card 2", 1, "{{Back}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}");
  return {
    ...base,
    type: 0,
    flds: [field("Front", 0), field("Back", 1)],
    tmpls: name === "Basic" ? [card1] : [card1, card2],
    req: [[0, "any", [0]]],
  };
}

function collectionBytes(notes: FixtureNote[], crt: number, version = 11): Uint8Array {
  const directory = mkdtempSync(path.join(tmpdir(), "anki-fixture-"));
  try {
    const file = path.join(directory, "collection.anki21");
    const database = new Database(file);
    database.exec(`
      CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
      CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
      CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
      CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
      CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);`);
    const models = Object.fromEntries(
      (Object.keys(MODEL_IDS) as (keyof typeof MODEL_IDS)[]).map((name) => [
        String(MODEL_IDS[name]),
        stockModel(name),
      ]),
    );
    const decks = {
      "1": { id: 1, name: "Default", dyn: 0, conf: 1 },
      "1700000000123": { id: 1_700_000_000_123, name: "Languages::Spanish verbs", dyn: 0, conf: 1 },
    };
    database
      .prepare("INSERT INTO col VALUES (1, ?, 0, 0, ?, 0, 0, 0, '{}', ?, ?, '{}', '{}')")
      .run(crt, version, JSON.stringify(models), JSON.stringify(decks));
    let cardId = 1_600_000_000_000;
    notes.forEach((note, i) => {
      const noteId = 1_500_000_000_000 + i;
      database
        .prepare("INSERT INTO notes VALUES (?, ?, ?, 0, -1, ?, ?, ?, 0, 0, '')")
        .run(
          noteId,
          `guid${i}`,
          MODEL_IDS[note.model],
          note.tags ?? "",
          note.fields.join("\x1f"),
          note.fields[0] ?? "",
        );
      note.cards.forEach((card, ord) => {
        cardId += 1;
        database
          .prepare(
            "INSERT INTO cards VALUES (?, ?, 1700000000123, ?, 0, -1, ?, ?, ?, ?, 2500, ?, ?, 0, 0, 0, 0, ?)",
          )
          .run(
            cardId,
            noteId,
            ord,
            card.type,
            card.queue,
            card.due,
            card.ivl,
            card.reps,
            card.lapses,
            card.data ?? "",
          );
        for (const [at, ease, type] of card.revlog ?? [])
          database
            .prepare("INSERT INTO revlog VALUES (?, ?, -1, ?, 1, 0, 2500, 8000, ?)")
            .run(at, cardId, ease, type);
      });
    });
    database.close();
    return new Uint8Array(readFileSync(file));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** The package's bytes. `version` 11 is the legacy schema; other values make an unknown one. */
export function ankiPackage(
  notes: FixtureNote[],
  options: { crt: number; version?: number; media?: Record<string, Uint8Array> },
): Uint8Array {
  const media = options.media ?? {};
  const names = Object.keys(media);
  const files: Record<string, Uint8Array> = {
    meta: new Uint8Array([0x08, 0x02]),
    "collection.anki21": collectionBytes(notes, options.crt, options.version ?? 11),
    "collection.anki2": collectionBytes([], options.crt),
    media: new TextEncoder().encode(
      JSON.stringify(Object.fromEntries(names.map((name, i) => [String(i), name]))),
    ),
  };
  names.forEach((name, i) => {
    files[String(i)] = media[name] as Uint8Array;
  });
  return zipSync(files);
}

/** A package as the newest Anki writes it by default: only the zstd collection.anki21b (meta version 3). */
export function latestOnlyPackage(): Uint8Array {
  return zipSync({
    meta: new Uint8Array([0x08, 0x03]),
    "collection.anki21b": new Uint8Array([0x28, 0xb5, 0x2f, 0xfd]),
    media: new Uint8Array(),
  });
}

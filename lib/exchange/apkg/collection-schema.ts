/**
 * The parts of an Anki legacy collection (SQLite schema 11) that Retain writes: the tables, and
 * the JSON of note types, decks and the deck options group kept in the `col` row. Field names
 * follow Anki's schema-11 JSON; Anki fills in every option left out with its default.
 */

export type NoteKind = "basic" | "reversed" | "cloze";

export function ankiCollectionTables(): string {
  return `
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
  ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
  models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
  flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL,
  ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL,
  odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
  ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);`;
}

export function ankiCollectionIndexes(): string {
  return `
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);`;
}

const CSS =
  ".card { font-family: system-ui, sans-serif; font-size: 20px; text-align: center; }\n.source { font-size: 14px; color: #555; margin-top: 1em; }";
const SOURCE = "{{#Source}}<div class=source>{{Source}}</div>{{/Source}}";

function field(name: string, ord: number) {
  return { name, ord, sticky: false, rtl: false, font: "Arial", size: 20, media: [] };
}

function template(name: string, ord: number, qfmt: string, afmt: string) {
  return { name, ord, qfmt, afmt, bqfmt: "", bafmt: "", did: null, bfont: "", bsize: 0 };
}

function model(
  id: number,
  name: string,
  type: 0 | 1,
  fields: string[],
  templates: ReturnType<typeof template>[],
  req: [number, "any", number[]][],
) {
  return {
    id,
    json: (deckId: number, modSeconds: number) => ({
      id,
      name,
      type,
      mod: modSeconds,
      usn: -1,
      sortf: 0,
      did: deckId,
      tmpls: templates,
      flds: fields.map(field),
      css: CSS,
      latexPre: "\\documentclass[12pt]{article}\n\\begin{document}\n",
      latexPost: "\\end{document}",
      latexsvg: false,
      req,
      tags: [],
      vers: [],
    }),
  };
}

/** Retain's three note types, with fixed ids so every export maps to the same types in Anki. */
export const ANKI_MODELS: Record<NoteKind, ReturnType<typeof model>> = {
  basic: model(
    1_718_000_000_001,
    "Retain Basic",
    0,
    ["Front", "Back", "Source"],
    [template("Card 1", 0, "{{Front}}", `{{FrontSide}}<hr id=answer>{{Back}}${SOURCE}`)],
    [[0, "any", [0]]],
  ),
  reversed: model(
    1_718_000_000_002,
    "Retain Basic (and reversed card)",
    0,
    ["Front", "Back", "Source"],
    [
      template("Card 1", 0, "{{Front}}", `{{FrontSide}}<hr id=answer>{{Back}}${SOURCE}`),
      template("Card 2", 1, "{{Back}}", `{{FrontSide}}<hr id=answer>{{Front}}${SOURCE}`),
    ],
    [
      [0, "any", [0]],
      [1, "any", [1]],
    ],
  ),
  cloze: model(
    1_718_000_000_003,
    "Retain Cloze",
    1,
    ["Text", "Back Extra", "Source"],
    [template("Cloze", 0, "{{cloze:Text}}", `{{cloze:Text}}<br>{{Back Extra}}${SOURCE}`)],
    [],
  ),
};

export function ankiDeckJson(id: number, name: string, description: string, modSeconds: number) {
  return {
    id,
    mod: modSeconds,
    name,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: description,
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0,
  };
}

/** The options group every exported deck uses; Anki's defaults but for the desired retention. */
export function ankiDeckConfigJson(modSeconds: number, desiredRetention: number) {
  return {
    id: 1,
    mod: modSeconds,
    name: "Default",
    usn: -1,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: { delays: [1, 10], ints: [1, 4, 0], initialFactor: 2500, order: 1, perDay: 20 },
    rev: { perDay: 200, ease4: 1.3, ivlFct: 1, maxIvl: 36500, hardFactor: 1.2 },
    lapse: { delays: [10], mult: 0, minInt: 1, leechFails: 8, leechAction: 1 },
    desiredRetention,
  };
}

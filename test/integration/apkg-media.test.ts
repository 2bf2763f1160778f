import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { exportDeckPackage } from "@/lib/data/apkg/export";
import { importPackage, PackageRejectedError } from "@/lib/data/apkg/import";
import { setPersonalCardImage } from "@/lib/data/card-images";
import { createPersonalDeck } from "@/lib/data/personal-decks";
import { db } from "@/lib/db";
import { APKG_LIMITS } from "@/lib/exchange/apkg/package-read.mjs";
import { ankiPackage, type FixtureNote } from "./anki-package-fixture";
import { createLearner } from "./fixtures";

const T0 = new Date(Date.UTC(2026, 2, 1, 12));
const MEGABYTE = 1024 * 1024;
const png = (body: number) =>
  new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, body]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0]);
const SVG = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
);

const upload = (bytes: Uint8Array, name = "deck.apkg") => ({
  name,
  size: bytes.byteLength,
  bytes: async () => new Uint8Array(bytes) as Uint8Array<ArrayBuffer>,
});
const newCard = { type: 0, queue: 0, due: 1, ivl: 0, reps: 0, lapses: 0 };
const basic = (front: string, back = "answer"): FixtureNote => ({
  model: "Basic",
  fields: [front, back],
  cards: [newCard],
});

async function rowCounts() {
  return {
    decks: await db.deck.count(),
    cards: await db.card.count(),
    images: await db.cardImage.count(),
    logs: await db.reviewLog.count(),
  };
}

/** Sets the size the zip states for entry `name` (local header and central directory), not its bytes. */
function stateSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const encoded = new TextEncoder().encode(name);
  const named = (at: number, nameAt: number, lengthAt: number) =>
    view.getUint16(at + lengthAt, true) === encoded.length &&
    encoded.every((byte, i) => copy[at + nameAt + i] === byte);
  for (let at = 0; at + 46 < copy.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && named(at, 30, 26)) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50 && named(at, 46, 28)) view.setUint32(at + 24, size, true);
  }
  return copy;
}

describe(".apkg pictures", () => {
  it("imports the pictures cards show, checked by content and size, and says what it left out", async () => {
    const learner = await createLearner();
    const big = new Uint8Array(2 * MEGABYTE + 1);
    big.set(png(0));
    const bytes = ankiPackage(
      [
        basic('<img src="heart.png"> Which chamber is this?', "Left ventricle"),
        // A reversed note: its mirror shows the same picture (with its answer).
        {
          model: "Basic (and reversed card)",
          fields: ['Lung <img src="lung.jpg">', "Where gas is exchanged"],
          cards: [newCard, { ...newCard, due: 2 }],
        },
        // The same bytes under another name: one stored picture.
        basic('<img src="heart-copy.png">Again the heart'),
        basic('<img src="logo.png">Renamed SVG'),
        basic('<img src="big.png">Too large'),
        basic('<img src="nowhere.png">Missing'),
        basic('Two pictures <img src="heart.png"><img src="lung.jpg">', 'Answer <img src="lung.jpg">'),
        basic("A sound [sound:hello.mp3]"),
      ],
      {
        crt: 0,
        media: {
          "heart.png": png(1),
          "lung.jpg": JPEG,
          "heart-copy.png": png(1),
          "logo.png": SVG,
          "big.png": big,
          "unused.png": png(9),
        },
      },
    );
    const result = await importPackage(learner.id, upload(bytes), undefined, T0);
    expect(result.cards).toBe(9);
    expect(result.pictures).toBe(2);
    expect(result.notices).toEqual([
      "1 pictures were left out because they are not PNG, JPEG, WebP or GIF: “logo.png”.",
      "1 pictures larger than 2 MB were left out: “big.png”.",
      "1 pictures the cards show are not in the package and were left out: “nowhere.png”.",
      "2 pictures on the answer side, or after a card's first, were left out: a Retain card shows one picture, with its question.",
      "1 sounds were left out: Retain cards have no audio.",
    ]);
    const images = await db.cardImage.findMany({
      where: { ownerId: learner.id },
      orderBy: { mediaType: "asc" },
    });
    expect(images.map((image) => [image.mediaType, [...image.bytes], image.sizeBytes])).toEqual([
      ["image/jpeg", [...JPEG], JPEG.byteLength],
      ["image/png", [...png(1)], png(1).byteLength],
    ]);
    const [jpeg, heart] = images.map((image) => image.id);
    const cards = await db.card.findMany({ where: { deckSlug: result.slug }, orderBy: { position: "asc" } });
    expect(cards.map((card) => [card.id.slice(result.slug.length), card.front, card.imageId])).toEqual([
      ["-1", "Which chamber is this?", heart],
      ["-2", "Lung", jpeg],
      ["-3", "Again the heart", heart],
      ["-4", "Renamed SVG", null],
      ["-5", "Too large", null],
      ["-6", "Missing", null],
      ["-7", "Two pictures", heart],
      ["-8", "A sound", null],
      ["-2.reverse", "Where gas is exchanged", jpeg],
    ]);
  });

  it("reuses a picture the importer already keeps", async () => {
    const learner = await createLearner();
    const own = await createPersonalDeck(
      learner.id,
      { title: "Own", description: "", cards: [{ kind: "basic", front: "q", back: "a", tags: [] }] },
      T0,
    );
    await setPersonalCardImage(learner.id, `${own}-1`, png(7));
    const kept = await db.cardImage.findFirstOrThrow({ where: { ownerId: learner.id } });
    const bytes = ankiPackage([basic('<img src="a.png">Front')], { crt: 0, media: { "a.png": png(7) } });
    const result = await importPackage(learner.id, upload(bytes), undefined, T0);
    expect(result.pictures).toBe(1);
    expect(await db.cardImage.count({ where: { ownerId: learner.id } })).toBe(1);
    expect((await db.card.findUniqueOrThrow({ where: { id: `${result.slug}-1` } })).imageId).toBe(kept.id);
  });

  it("round-trips a picture: exported with its card, imported onto the card and its mirror", async () => {
    const owner = await createLearner("Owner");
    const slug = await createPersonalDeck(
      owner.id,
      {
        title: "Anatomy",
        description: "",
        cards: [
          { kind: "reversed", front: "Which muscle is this?", back: "Biceps", tags: [] },
          { kind: "basic", front: "No picture", back: "x", tags: [] },
        ],
      },
      T0,
    );
    await setPersonalCardImage(owner.id, `${slug}-1`, JPEG);
    const exported = await exportDeckPackage(owner.id, slug, T0);
    const reader = await createLearner("Reader");
    const result = await importPackage(reader.id, upload(exported?.bytes as Uint8Array), undefined, T0);
    expect(result).toMatchObject({ cards: 3, pictures: 1, notices: [] });
    const image = await db.cardImage.findFirstOrThrow({ where: { ownerId: reader.id } });
    expect(image.mediaType).toBe("image/jpeg");
    expect([...image.bytes]).toEqual([...JPEG]);
    const cards = await db.card.findMany({ where: { deckSlug: result.slug }, orderBy: { id: "asc" } });
    expect(cards.map((card) => [card.id.slice(result.slug.length), card.front, card.imageId])).toEqual([
      ["-1", "Which muscle is this?", image.id],
      ["-1.reverse", "Biceps", image.id],
      ["-2", "No picture", null],
    ]);
  });

  it("refuses zip bombs before inflating them, with a clear message, and writes nothing", async () => {
    const learner = await createLearner();
    const before = await rowCounts();
    const attempt = async (bytes: Uint8Array) => {
      const error = await importPackage(learner.id, upload(bytes), undefined, T0).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PackageRejectedError);
      expect((error as PackageRejectedError).status).toBe(422);
      return (error as Error).message;
    };

    // The whole archive states more than Retain reads, in an entry no card refers to.
    const stated = stateSize(
      ankiPackage([basic("a")], { crt: 0, media: { "x.png": png(1) } }),
      "0",
      1024 * MEGABYTE,
    );
    expect(await attempt(stated)).toMatch(/would unpack to 1,024 MB, more than the 320 MB Retain reads/);

    // More pictures than an import takes together, each within the picture size (sizes as stated).
    const count = Math.ceil(APKG_LIMITS.maxPictureBytes / (2 * MEGABYTE)) + 1;
    const names = Array.from({ length: count }, (_, i) => `p${i}.png`);
    let many = ankiPackage(
      names.map((name) => basic(`<img src="${name}">Card ${name}`)),
      { crt: 0, media: Object.fromEntries(names.map((name, i) => [name, png(i)])) },
    );
    names.forEach((_, i) => {
      many = stateSize(many, String(i), 2 * MEGABYTE);
    });
    expect(await attempt(many)).toMatch(/Retain imports at most 2,000 pictures of 64 MB together/);

    // A picture that inflates past the size it states (4 MB of zeros stating 100 bytes).
    const bomb = new Uint8Array(4 * MEGABYTE);
    bomb.set(png(0));
    const liar = stateSize(
      ankiPackage([basic('<img src="b.png">Bomb')], { crt: 0, media: { "b.png": bomb } }),
      "0",
      100,
    );
    expect(liar.byteLength).toBeLessThan(50_000);
    expect(await attempt(liar)).toMatch(/"b\.png" in this package unpacks to more than its stated size/);

    expect(await rowCounts()).toEqual(before);

    // A media map that is not JSON, or names nothing: the pictures are missing, the cards come in.
    const broken = zipSync({
      ...unzipSync(ankiPackage([basic('<img src="c.png">C')], { crt: 0 })),
      media: new Uint8Array([1]),
    });
    const imported = await importPackage(learner.id, upload(broken), undefined, T0);
    expect(imported.notices).toEqual([
      "1 pictures the cards show are not in the package and were left out: “c.png”.",
    ]);
    expect((await rowCounts()).images).toBe(before.images);
  });
});

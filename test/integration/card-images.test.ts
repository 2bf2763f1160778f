import { describe, expect, it } from "vitest";
import { exportDeckPackage } from "@/lib/data/apkg/export";
import { getVisibleCardImage, ImageRejectedError, setPersonalCardImage } from "@/lib/data/card-images";
import { createPersonalDeck } from "@/lib/data/personal-decks";
import { getStudySession } from "@/lib/data/study";
import { acceptInvitation, assignDeck, createInvitation } from "@/lib/data/trainer/links";
import { createUser } from "@/lib/data/users";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { readZipEntry, zipEntries } from "@/lib/exchange/apkg/zip-entries.mjs";
import { createLearner, key } from "./fixtures";

const T0 = new Date(Date.UTC(2026, 2, 1, 12));
/** The first bytes of a PNG, then some body: enough for the type check, which reads the signature. */
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 1, 2, 3,
]);

async function deckWithPicture() {
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
  await setPersonalCardImage(owner.id, `${slug}-1`, PNG);
  const card = await db.card.findUniqueOrThrow({ where: { id: `${slug}-1` } });
  return { owner, slug, imageId: card.imageId as string };
}

describe("pictures on own cards", () => {
  it("are stored once in the database, on the card and its mirror, and shown in study", async () => {
    const { owner, slug, imageId } = await deckWithPicture();
    expect(imageId).toMatch(/^i-[0-9a-f]{16}$/);
    const mirror = await db.card.findUniqueOrThrow({ where: { id: `${slug}-1.reverse` } });
    expect(mirror.imageId).toBe(imageId);
    // The same bytes on another card are the same row.
    await setPersonalCardImage(owner.id, `${slug}-2`, PNG);
    expect(await db.cardImage.count({ where: { ownerId: owner.id } })).toBe(1);
    const stored = await db.cardImage.findUniqueOrThrow({ where: { id: imageId } });
    expect(stored).toMatchObject({ mediaType: "image/png", sizeBytes: PNG.length });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);

    const session = await getStudySession(owner.id, { deck: slug, cardIds: null }, T0);
    const studied = new Map(session.cards.map((card) => [card.cardId, card.imageId]));
    expect(studied.get(`${slug}-1`)).toBe(imageId);
    expect(studied.get(`${slug}-1.reverse`)).toBe(imageId);

    await setPersonalCardImage(owner.id, `${slug}-2`, null);
    expect((await db.card.findUniqueOrThrow({ where: { id: `${slug}-2` } })).imageId).toBeNull();
  });

  it("are served to the owner and to clients the deck is assigned to, and to nobody else", async () => {
    const trainer = await createUser({
      name: "Coach",
      email: `${key()}@example.com`,
      password: "trainer-pass",
      role: "trainer",
    });
    const slug = await createPersonalDeck(
      trainer.id,
      { title: "Coach's deck", description: "", cards: [{ kind: "basic", front: "Q", back: "A", tags: [] }] },
      T0,
    );
    await setPersonalCardImage(trainer.id, `${slug}-1`, PNG);
    const imageId = (await db.card.findUniqueOrThrow({ where: { id: `${slug}-1` } })).imageId as string;
    const client = await createLearner("Client");
    const stranger = await createLearner("Stranger");

    expect((await getVisibleCardImage(trainer.id, imageId))?.mediaType).toBe("image/png");
    expect(await getVisibleCardImage(client.id, imageId)).toBeNull();
    const invitation = await createInvitation(trainer.id, { maxUses: 1, expiresInDays: 14 }, T0);
    await acceptInvitation(client, invitation.code, { shareQuizAnswers: true }, T0);
    await assignDeck(trainer.id, { clientIds: [client.id], deckSlug: slug, goal: "all-introduced" }, T0);
    const served = await getVisibleCardImage(client.id, imageId);
    expect(served && [...served.bytes]).toEqual([...PNG]);
    expect(await getVisibleCardImage(stranger.id, imageId)).toBeNull();
    expect(await getVisibleCardImage(stranger.id, "i-0000000000000000")).toBeNull();
  });

  it("can be put only on one's own cards", async () => {
    const { slug } = await deckWithPicture();
    const other = await createLearner("Other");
    await expect(setPersonalCardImage(other.id, `${slug}-2`, PNG)).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.card.findUniqueOrThrow({ where: { id: `${slug}-2` } })).imageId).toBeNull();
    expect(await db.cardImage.count({ where: { ownerId: other.id } })).toBe(0);
  });

  it("refuses SVG, HTML and oversized files by their bytes, and stores nothing", async () => {
    const { owner, slug } = await deckWithPicture();
    const before = await db.cardImage.count();
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    const refused = await setPersonalCardImage(owner.id, `${slug}-2`, svg).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImageRejectedError);
    expect((refused as ImageRejectedError).status).toBe(415);
    const huge = new Uint8Array(2 * 1024 * 1024 + 1);
    huge.set(PNG);
    const tooLarge = await setPersonalCardImage(owner.id, `${slug}-2`, huge).catch((error: unknown) => error);
    expect((tooLarge as ImageRejectedError).status).toBe(413);
    expect(await db.cardImage.count()).toBe(before);
    expect((await db.card.findUniqueOrThrow({ where: { id: `${slug}-2` } })).imageId).toBeNull();
  });

  it("travel in the .apkg as media the note's front refers to", async () => {
    const { owner, slug, imageId } = await deckWithPicture();
    const exported = await exportDeckPackage(owner.id, slug, T0);
    const bytes = exported?.bytes as Uint8Array;
    const entries = zipEntries(bytes, 100);
    const mediaMap = JSON.parse(
      new TextDecoder().decode(readZipEntry(bytes, entries.get("media") as never, 1e6)),
    );
    expect(mediaMap).toEqual({ "0": `retain-${imageId}.png` });
    expect([...readZipEntry(bytes, entries.get("0") as never, 1e6)]).toEqual([...PNG]);
  });
});

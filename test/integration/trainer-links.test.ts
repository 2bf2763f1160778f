import { describe, expect, it } from "vitest";
import { requireClientAccess } from "@/lib/data/trainer/access";
import { clientsCsv } from "@/lib/data/trainer/dashboard";
import {
  acceptInvitation,
  assignDeck,
  clientsWithDeck,
  createInvitation,
  getInvitationPreview,
  leaveTrainer,
  listInvitations,
  listMyAssignments,
  listMyTrainers,
  previousQuizSharing,
  removeClient,
  removedAssignment,
  revokeInvitation,
  setQuizSharing,
  unassignDeck,
} from "@/lib/data/trainer/links";
import { createUser } from "@/lib/data/users";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { createDeck, createLearner, key } from "./fixtures";

const T0 = new Date(Date.UTC(2026, 2, 1, 12));
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);

async function createTrainer(name = "Coach") {
  return createUser({ name, email: `${key()}@example.com`, password: "trainer-password", role: "trainer" });
}

describe("invitations", () => {
  it("link a learner who accepts, once, and show them what is shared", async () => {
    const trainer = await createTrainer();
    const learner = await createLearner();
    const invitation = await createInvitation(trainer.id, { maxUses: 1, expiresInDays: 14 }, T0);
    expect(invitation.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await getInvitationPreview(invitation.code, T0)).toMatchObject({
      trainerName: "Coach",
      status: "active",
    });

    await acceptInvitation(learner, invitation.code, { shareQuizAnswers: false }, days(1));
    const again = await acceptInvitation(learner, invitation.code, { shareQuizAnswers: false }, days(1));
    expect(again.alreadyLinked).toBe(true);
    expect((await listInvitations(trainer.id, days(1)))[0]).toMatchObject({ uses: 1, status: "used" });
    expect(await listMyTrainers(learner.id)).toMatchObject([
      { trainerName: "Coach", shareQuizAnswers: false },
    ]);
    await expect(requireClientAccess(trainer.id, learner.id)).resolves.toMatchObject({
      shareQuizAnswers: false,
    });
  });

  it("refuse expired, revoked and used-up links, trainers, and one's own link, changing nothing", async () => {
    const trainer = await createTrainer();
    const [a, b] = [await createLearner("A"), await createLearner("B")];
    const single = await createInvitation(trainer.id, { maxUses: 1, expiresInDays: 14 }, T0);
    await acceptInvitation(a, single.code, { shareQuizAnswers: true }, T0);
    await expect(acceptInvitation(b, single.code, { shareQuizAnswers: true }, T0)).rejects.toBeInstanceOf(
      ConflictError,
    );
    const expiring = await createInvitation(trainer.id, { maxUses: 5, expiresInDays: 14 }, T0);
    await expect(acceptInvitation(b, expiring.code, { shareQuizAnswers: true }, days(15))).rejects.toThrow(
      /expired/,
    );
    const revoked = await createInvitation(trainer.id, { maxUses: 5, expiresInDays: 14 }, T0);
    await revokeInvitation(trainer.id, revoked.id, T0);
    await expect(acceptInvitation(b, revoked.code, { shareQuizAnswers: true }, T0)).rejects.toThrow(
      /withdrew/,
    );
    const otherTrainer = await createTrainer("Other");
    await expect(
      acceptInvitation(otherTrainer, expiring.code, { shareQuizAnswers: true }, T0),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeInvitation(otherTrainer.id, expiring.id, T0)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getInvitationPreview("no-such-code-at-all", T0)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.trainerClient.count({ where: { clientId: b.id } })).toBe(0);
  });

  it("let a group link share one link up to its limit, even when they accept at once", async () => {
    const trainer = await createTrainer();
    const learners = await Promise.all([1, 2, 3, 4].map((i) => createLearner(`L${i}`)));
    const group = await createInvitation(trainer.id, { maxUses: 3, expiresInDays: 14 }, T0);
    const results = await Promise.allSettled(
      learners.map((l) => acceptInvitation(l, group.code, { shareQuizAnswers: true }, T0)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(await db.trainerClient.count({ where: { trainerId: trainer.id } })).toBe(3);
  });
});

describe("leaving and removing", () => {
  it("ends the trainer's access at once, in either direction, and can be re-linked", async () => {
    const trainer = await createTrainer();
    const learner = await createLearner();
    const link = async () => {
      const inv = await createInvitation(trainer.id, { maxUses: 1, expiresInDays: 14 }, T0);
      await acceptInvitation(learner, inv.code, { shareQuizAnswers: true }, T0);
    };
    await link();
    await leaveTrainer(learner.id, trainer.id, days(1));
    await expect(requireClientAccess(trainer.id, learner.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listMyTrainers(learner.id)).toEqual([]);
    await link();
    const open = await db.trainerClient.findFirstOrThrow({
      where: { trainerId: trainer.id, clientId: learner.id, endedAt: null },
    });
    // The new link's access: its own settings, and no assignment carried over from the old link.
    expect(await requireClientAccess(trainer.id, learner.id)).toEqual({
      trainerId: trainer.id,
      clientId: learner.id,
      linkId: open.id,
      shareQuizAnswers: true,
      deckSlugs: [],
    });
    await removeClient(trainer.id, learner.id, days(2));
    await expect(requireClientAccess(trainer.id, learner.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeClient(trainer.id, learner.id, days(2))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("assignments", () => {
  it("assign a deck to many clients at once, only linked ones, and unassign without touching progress", async () => {
    const trainer = await createTrainer();
    const [a, b, stranger] = [await createLearner("A"), await createLearner("B"), await createLearner("S")];
    await createDeck("assigned", 3);
    const inv = await createInvitation(trainer.id, { maxUses: 2, expiresInDays: 14 }, T0);
    await acceptInvitation(a, inv.code, { shareQuizAnswers: true }, T0);
    await acceptInvitation(b, inv.code, { shareQuizAnswers: true }, T0);

    const input = {
      clientIds: [a.id, b.id],
      deckSlug: "assigned",
      goal: "all-introduced" as const,
      dueAt: days(7),
    };
    expect(await assignDeck(trainer.id, input, T0)).toBe(2);
    expect(await listMyAssignments(a.id)).toMatchObject([{ deckSlug: "assigned", trainerName: "Coach" }]);
    await expect(
      assignDeck(trainer.id, { ...input, clientIds: [a.id, stranger.id] }, T0),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(assignDeck(trainer.id, { ...input, deckSlug: "no-such-deck" }, T0)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await db.assignment.count({ where: { clientId: stranger.id } })).toBe(0);

    const [assignment] = await db.assignment.findMany({ where: { clientId: a.id } });
    const otherTrainer = await createTrainer("Other");
    await expect(unassignDeck(otherTrainer.id, assignment!.id, T0)).rejects.toBeInstanceOf(NotFoundError);
    await unassignDeck(trainer.id, assignment!.id, days(1));
    expect(await listMyAssignments(a.id)).toEqual([]);
    expect((await requireClientAccess(trainer.id, a.id)).deckSlugs).toEqual([]);
  });

  it("hides assignments of a trainer the client left", async () => {
    const trainer = await createTrainer();
    const learner = await createLearner();
    await createDeck("left", 2);
    const inv = await createInvitation(trainer.id, { maxUses: 1, expiresInDays: 14 }, T0);
    await acceptInvitation(learner, inv.code, { shareQuizAnswers: true }, T0);
    await assignDeck(trainer.id, { clientIds: [learner.id], deckSlug: "left", goal: "all-introduced" }, T0);
    await setQuizSharing(learner.id, trainer.id, false);
    await leaveTrainer(learner.id, trainer.id, days(1));
    expect(await listMyAssignments(learner.id)).toEqual([]);
    await expect(setQuizSharing(learner.id, trainer.id, true)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("coming back and assigning again (issue 16, item 14)", () => {
  it("a client who rejoins gets no old assignments back, and is offered their earlier sharing choice", async () => {
    const trainer = await createTrainer();
    const learner = await createLearner();
    await createDeck("rejoin", 2);
    const first = await createInvitation(trainer.id, { maxUses: 1, expiresInDays: 14 }, T0);
    expect(await previousQuizSharing(learner.id, trainer.id)).toBeNull();
    await acceptInvitation(learner, first.code, { shareQuizAnswers: true }, T0);
    await assignDeck(trainer.id, { clientIds: [learner.id], deckSlug: "rejoin", goal: "all-introduced" }, T0);
    await setQuizSharing(learner.id, trainer.id, false);
    await leaveTrainer(learner.id, trainer.id, days(1));
    expect(await previousQuizSharing(learner.id, trainer.id)).toBe(false);

    const second = await createInvitation(trainer.id, { maxUses: 1, expiresInDays: 14 }, days(2));
    await acceptInvitation(learner, second.code, { shareQuizAnswers: false }, days(2));
    expect(await listMyAssignments(learner.id)).toEqual([]);
    expect((await requireClientAccess(trainer.id, learner.id)).deckSlugs).toEqual([]);
    expect(await listMyTrainers(learner.id)).toMatchObject([{ shareQuizAnswers: false, decks: [] }]);
  });

  it("names the clients whose assignment a new one replaces, and the unassigned deck", async () => {
    const trainer = await createTrainer();
    const [a, b] = [await createLearner("Ann"), await createLearner("Bob")];
    await createDeck("again", 2);
    const inv = await createInvitation(trainer.id, { maxUses: 2, expiresInDays: 14 }, T0);
    await acceptInvitation(a, inv.code, { shareQuizAnswers: true }, T0);
    await acceptInvitation(b, inv.code, { shareQuizAnswers: true }, T0);
    await assignDeck(trainer.id, { clientIds: [a.id], deckSlug: "again", goal: "all-introduced" }, T0);
    expect(await clientsWithDeck(trainer.id, [a.id, b.id], "again")).toEqual(["Ann"]);
    const [assignment] = await db.assignment.findMany({ where: { clientId: a.id } });
    expect(await removedAssignment(trainer.id, assignment!.id)).toBeNull();
    await unassignDeck(trainer.id, assignment!.id, days(1));
    expect(await removedAssignment(trainer.id, assignment!.id)).toEqual({
      deckTitle: "Deck again",
      clientName: "Ann",
    });
    expect(await removedAssignment((await createTrainer("Other")).id, assignment!.id)).toBeNull();
  });
});

describe("clients CSV (issue 16, item 15)", () => {
  it("writes the due date as a date and leaves an email that starts with a sign as typed", async () => {
    const trainer = await createTrainer();
    const learner = await createUser({
      name: "Zoë Signed",
      email: `-2+3${key().slice(0, 8)}@example.com`,
      password: "integration-password",
      role: "learner",
    });
    await createDeck("csv-due", 2);
    const inv = await createInvitation(trainer.id, { maxUses: 1, expiresInDays: 14 }, T0);
    await acceptInvitation(learner, inv.code, { shareQuizAnswers: true }, T0);
    await assignDeck(
      trainer.id,
      { clientIds: [learner.id], deckSlug: "csv-due", goal: "all-introduced", dueAt: new Date("2026-03-20") },
      T0,
    );
    const csv = await clientsCsv(trainer.id, days(1));
    const line = csv.split("\r\n").find((l) => l.startsWith("Zoë Signed"));
    expect(line).toMatch(/^Zoë Signed,-2\+3[0-9a-f]{8}@example\.com,/);
    expect(line).toContain(",Deck csv-due,all-introduced,2026-03-20,");
  });
});

import { describe, expect, it } from "vitest";
import { requireClientAccess } from "@/lib/data/trainer/access";
import {
  acceptInvitation,
  assignDeck,
  createInvitation,
  getInvitationPreview,
  leaveTrainer,
  listInvitations,
  listMyAssignments,
  listMyTrainers,
  removeClient,
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
    await expect(requireClientAccess(trainer.id, learner.id)).resolves.toBeTruthy();
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

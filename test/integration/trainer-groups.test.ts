import { describe, expect, it } from "vitest";
import { recordReview } from "@/lib/data/reviews";
import { bulkAssign, bulkRemind, bulkUnassign, editAssignment } from "@/lib/data/trainer/bulk";
import { clientsCsv, getClientsTable } from "@/lib/data/trainer/dashboard";
import { listGroups, moveClients } from "@/lib/data/trainer/groups";
import {
  acceptInvitation,
  assignDeck,
  createInvitation,
  getInvitationPreview,
  listInvitations,
  listMyAssignments,
} from "@/lib/data/trainer/links";
import { addNote, deleteNote, listNotes } from "@/lib/data/trainer/notes";
import { getClientHistory, getGroupHistory } from "@/lib/data/trainer/progress";
import { dismissMessage, listMyMessages } from "@/lib/data/trainer/remind";
import { createUser } from "@/lib/data/users";
import { db } from "@/lib/db";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors";
import { assignmentEditSchema, selectionSchema } from "@/lib/validations/trainer";
import { createDeck, createLearner, key } from "./fixtures";

const T0 = new Date(Date.UTC(2026, 2, 1, 12));
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);

async function createTrainer(name = "Coach") {
  return createUser({ name, email: `${key()}@example.com`, password: "trainer-password", role: "trainer" });
}

/** A trainer with a named link "Tuesday 6 am class" that `count` learners accepted. */
async function classOf(count: number, deckSlug?: string) {
  const trainer = await createTrainer();
  const invitation = await createInvitation(
    trainer.id,
    { maxUses: 10, expiresInDays: 14, groupName: "Tuesday 6 am class" },
    T0,
  );
  const learners = [];
  for (let i = 0; i < count; i++) {
    const learner = await createLearner(`Member ${i + 1}`);
    await acceptInvitation(learner, invitation.code, { shareQuizAnswers: true }, T0);
    learners.push(learner);
  }
  const [group] = await listGroups(trainer.id);
  if (!group) throw new Error("no group");
  if (deckSlug)
    await assignDeck(
      trainer.id,
      { clientIds: learners.map((l) => l.id), deckSlug, goal: "all-introduced" },
      T0,
    );
  return { trainer, invitation, learners, group };
}

const status = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error) => (error instanceof AppError ? error.status : 500),
  );

describe("groups", () => {
  it("a named link creates the group, and those who accept join it", async () => {
    await createDeck("g1", 3);
    const { trainer, invitation, learners, group } = await classOf(2);
    expect(group).toMatchObject({ name: "Tuesday 6 am class", clients: 2 });
    expect(invitation.groupName).toBe("Tuesday 6 am class");
    expect(await getInvitationPreview(invitation.code, T0)).toMatchObject({
      groupName: "Tuesday 6 am class",
    });
    expect((await listInvitations(trainer.id, T0))[0]?.groupName).toBe("Tuesday 6 am class");
    // A second link with the same name joins the same group.
    const again = await createInvitation(
      trainer.id,
      { maxUses: 1, expiresInDays: 1, groupName: "Tuesday 6 am class" },
      T0,
    );
    const third = await createLearner("Member 3");
    await acceptInvitation(third, again.code, { shareQuizAnswers: true }, T0);
    expect(await listGroups(trainer.id)).toEqual([{ id: group.id, name: "Tuesday 6 am class", clients: 3 }]);
    const table = await getClientsTable(trainer.id, T0, { group: group.id });
    expect(table.rows.map((r) => r.name).sort()).toEqual(["Member 1", "Member 2", "Member 3"]);
    expect(table.rows[0]?.groupName).toBe("Tuesday 6 am class");
    expect(learners).toHaveLength(2);
  });

  it("an already linked client who opens a named link moves into its group, using no place", async () => {
    const trainer = await createTrainer();
    const learner = await createLearner();
    const plain = await createInvitation(trainer.id, { maxUses: 1, expiresInDays: 14 }, T0);
    await acceptInvitation(learner, plain.code, { shareQuizAnswers: true }, T0);
    expect((await getClientsTable(trainer.id, T0, { group: "none" })).total).toBe(1);
    const named = await createInvitation(
      trainer.id,
      { maxUses: 1, expiresInDays: 14, groupName: "Evening" },
      T0,
    );
    const result = await acceptInvitation(learner, named.code, { shareQuizAnswers: true }, T0);
    expect(result.alreadyLinked).toBe(true);
    expect((await getClientsTable(trainer.id, T0, { group: "none" })).total).toBe(0);
    const listed = await listInvitations(trainer.id, T0);
    expect(listed.find((i) => i.code === named.code)).toMatchObject({ groupName: "Evening", uses: 0 });
  });

  it("the trainer moves clients between groups; another trainer's group or client is not found", async () => {
    const { trainer, learners, group } = await classOf(2);
    const other = await classOf(1);
    const evening = await createInvitation(
      trainer.id,
      { maxUses: 1, expiresInDays: 1, groupName: "Evening" },
      T0,
    );
    const eveningGroup = (await listGroups(trainer.id)).find((g) => g.name === "Evening");
    expect(evening.groupName).toBe("Evening");
    const [first, second] = learners.map((l) => l.id) as [string, string];
    expect(await moveClients(trainer.id, [first], eveningGroup?.id ?? null)).toBe(1);
    expect((await getClientsTable(trainer.id, T0, { group: group.id })).rows.map((r) => r.clientId)).toEqual([
      second,
    ]);
    expect(await moveClients(trainer.id, [second], null)).toBe(1);
    expect((await getClientsTable(trainer.id, T0, { group: "none" })).rows.map((r) => r.clientId)).toEqual([
      second,
    ]);

    // Ownership: another trainer's group, another trainer's client; nothing changes.
    expect(await status(moveClients(trainer.id, [first], other.group.id))).toBe(404);
    expect(await status(moveClients(trainer.id, [other.learners[0]?.id ?? ""], group.id))).toBe(404);
    expect(await status(moveClients(other.trainer.id, [first], other.group.id))).toBe(404);
    expect(
      (await getClientsTable(trainer.id, T0, { group: eveningGroup?.id })).rows.map((r) => r.clientId),
    ).toEqual([first]);
    // Filtering by another trainer's group shows none of their clients.
    expect((await getClientsTable(trainer.id, T0, { group: other.group.id })).total).toBe(0);
  });

  it("the table filters by deck and status", async () => {
    await createDeck("g2", 2);
    await createDeck("g3", 2);
    const { trainer, learners } = await classOf(3);
    const [a, b, c] = learners as unknown as [{ id: string }, { id: string }, { id: string }];
    await assignDeck(
      trainer.id,
      { clientIds: [a.id, b.id], deckSlug: "g2", goal: "all-introduced", dueAt: days(-1) },
      days(-5),
    );
    await assignDeck(
      trainer.id,
      { clientIds: [c.id], deckSlug: "g3", goal: "all-introduced", dueAt: days(30) },
      T0,
    );
    // b finishes g2 (both cards studied) before its due date passed.
    let version = 0;
    for (const cardId of ["g2-c01", "g2-c02"]) {
      const r = await recordReview(
        b.id,
        {
          idempotencyKey: key(),
          cardId,
          rating: 3,
          expectedVersion: 0,
          answeredAt: days(-2).getTime(),
          durationMs: 900,
        },
        days(-2),
      );
      version = r.version;
    }
    expect(version).toBe(1);
    const ids = async (query: Parameters<typeof getClientsTable>[2]) =>
      (await getClientsTable(trainer.id, T0, query)).rows.map((r) => r.clientId).sort();
    expect(await ids({ deck: "g2" })).toEqual([a.id, b.id].sort());
    expect(await ids({ deck: "g3" })).toEqual([c.id]);
    expect(await ids({ status: "finished" })).toEqual([b.id]);
    expect(await ids({ status: "overdue" })).toEqual([a.id]);
    expect(await ids({ status: "overdue", deck: "g3" })).toEqual([]);
    expect(
      (await getClientsTable(trainer.id, T0, { status: "on-track" })).rows.map((r) => r.clientId),
    ).toEqual([c.id]);
  });
});

describe("bulk actions", () => {
  it("assign, remind and unassign a whole group; the message shows on each client's dashboard", async () => {
    await createDeck("b1", 2);
    const { trainer, learners, group } = await classOf(2);
    const selection = selectionSchema.parse({ groupId: group.id });
    expect(
      await bulkAssign(
        trainer.id,
        selection,
        { deckSlug: "b1", goal: "all-introduced", message: "Before Tuesday, please" },
        T0,
      ),
    ).toBe(2);
    for (const learner of learners)
      expect(await listMyAssignments(learner.id)).toMatchObject([
        { deckSlug: "b1", message: "Before Tuesday, please" },
      ]);
    const sent = await bulkRemind(trainer.id, selection, "See you at 6!", T0);
    expect(sent.map((m) => m.clientId).sort()).toEqual(learners.map((l) => l.id).sort());
    const inbox = await listMyMessages(learners[0]?.id ?? "", T0);
    expect(inbox).toMatchObject([
      { kind: "reminder", trainerName: "Coach", body: expect.stringContaining("See you at 6!") },
    ]);
    await dismissMessage(learners[0]?.id ?? "", inbox[0]?.id ?? "", T0);
    expect(await listMyMessages(learners[0]?.id ?? "", T0)).toEqual([]);
    // Someone else cannot dismiss (or learn of) another client's message.
    await expect(dismissMessage(learners[0]?.id ?? "", sent[1]?.id ?? "", T0)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(
      await bulkUnassign(trainer.id, selectionSchema.parse({ clientIds: [learners[0]?.id] }), "b1", T0),
    ).toBe(1);
    expect(await listMyAssignments(learners[0]?.id ?? "")).toEqual([]);
    expect(await listMyAssignments(learners[1]?.id ?? "")).toHaveLength(1);
  });

  it("refuse another trainer's clients or group and bad input with a 4xx, changing nothing", async () => {
    await createDeck("b2", 2);
    const mine = await classOf(1);
    const theirs = await classOf(1, "b2");
    const before = await db.assignment.count();
    const messages = await db.clientMessage.count();
    const assign = { deckSlug: "b2", goal: "all-introduced" as const };
    expect(
      await status(bulkAssign(mine.trainer.id, { clientIds: [], groupId: theirs.group.id }, assign, T0)),
    ).toBe(404);
    expect(
      await status(bulkAssign(mine.trainer.id, { clientIds: [theirs.learners[0]?.id ?? ""] }, assign, T0)),
    ).toBe(404);
    expect(
      await status(
        bulkAssign(
          mine.trainer.id,
          { clientIds: [mine.learners[0]?.id ?? "", theirs.learners[0]?.id ?? ""] },
          assign,
          T0,
        ),
      ),
    ).toBe(404);
    expect(
      await status(bulkRemind(mine.trainer.id, { clientIds: [], groupId: theirs.group.id }, null, T0)),
    ).toBe(404);
    expect(
      await status(bulkUnassign(mine.trainer.id, { clientIds: [theirs.learners[0]?.id ?? ""] }, "b2", T0)),
    ).toBe(404);
    const theirAssignment = await db.assignment.findFirstOrThrow({ where: { trainerId: theirs.trainer.id } });
    const edit = assignmentEditSchema.parse({
      assignmentId: theirAssignment.id,
      dueAt: null,
      goal: "all-introduced",
      targetRecall: null,
    });
    expect(await status(editAssignment(mine.trainer.id, edit, T0))).toBe(404);
    // An empty group is a 400, not a silent success.
    await moveClients(mine.trainer.id, [mine.learners[0]?.id ?? ""], null);
    expect(
      await status(bulkRemind(mine.trainer.id, { clientIds: [], groupId: mine.group.id }, null, T0)),
    ).toBe(400);
    expect(await db.assignment.count()).toBe(before);
    expect(await db.clientMessage.count()).toBe(messages);
    // The schemas refuse a selection that is both or neither, and an over-long message.
    expect(selectionSchema.safeParse({ clientIds: [] }).success).toBe(false);
    expect(selectionSchema.safeParse({ clientIds: ["x"], groupId: "g" }).success).toBe(false);
    expect(
      assignmentEditSchema.safeParse({ assignmentId: "x", dueAt: null, goal: "recall", targetRecall: null })
        .success,
    ).toBe(false);
    expect(
      assignmentEditSchema.safeParse({
        assignmentId: "x",
        dueAt: null,
        goal: "all-introduced",
        targetRecall: null,
        message: "x".repeat(281),
      }).success,
    ).toBe(false);
  });

  it("editing a due date in place tells the client; an unchanged one does not", async () => {
    await createDeck("b3", 2);
    const { trainer, learners } = await classOf(1, "b3");
    const client = learners[0]?.id ?? "";
    const assignment = await db.assignment.findFirstOrThrow({
      where: { trainerId: trainer.id, clientId: client },
    });
    const edit = (dueAt: Date | null, message: string | null = null) =>
      editAssignment(
        trainer.id,
        assignmentEditSchema.parse({
          assignmentId: assignment.id,
          dueAt,
          goal: "all-introduced",
          targetRecall: null,
          message,
        }),
        days(1),
      );
    expect(await edit(days(10), "Aim for Friday")).toMatchObject({
      changed: true,
      note: "Deck b3 is now due 11 Mar 2026.",
    });
    expect(await edit(days(10), "Aim for Friday")).toMatchObject({ changed: false });
    // A date already past is refused (a 400) and changes nothing.
    expect(await status(edit(days(-3)))).toBe(400);
    expect(await listMyMessages(client, days(1))).toMatchObject([
      { kind: "assignment-changed", body: "Deck b3 is now due 11 Mar 2026." },
    ]);
    expect(await listMyAssignments(client)).toMatchObject([{ dueAt: days(10), message: "Aim for Friday" }]);
    expect(csvOf(await clientsCsv(trainer.id, days(1), { clientIds: [client] }))).toHaveLength(2);
  });
});

const csvOf = (csv: string) => csv.trim().split("\r\n");

describe("notes", () => {
  it("are the writing trainer's alone: not the client's, not another trainer's of the same client", async () => {
    const { trainer, learners } = await classOf(1);
    const client = learners[0]?.id ?? "";
    const other = await createTrainer("Other coach");
    const link = await createInvitation(other.id, { maxUses: 1, expiresInDays: 1 }, T0);
    await acceptInvitation(
      learners[0] as { id: string; role: string },
      link.code,
      { shareQuizAnswers: true },
      T0,
    );
    const note = await addNote(trainer.id, client, "Knee injury: no jumping until April.", T0);
    expect(await listNotes(trainer.id, client)).toEqual([note]);
    expect(await listNotes(other.id, client)).toEqual([]);
    await expect(deleteNote(other.id, note.id)).rejects.toBeInstanceOf(NotFoundError);
    // A learner is not a trainer of anyone: no access to notes about themselves.
    await expect(listNotes(client, client)).rejects.toBeInstanceOf(NotFoundError);
    // Nothing a client reads carries the note.
    const seen = JSON.stringify([await listMyAssignments(client), await listMyMessages(client, T0)]);
    expect(seen).not.toContain("Knee injury");
    await deleteNote(trainer.id, note.id);
    expect(await listNotes(trainer.id, client)).toEqual([]);
  });
});

describe("progress over time", () => {
  it("per client and per group: weekly reviews, every quiz attempt of sharers, forgotten cards", async () => {
    await createDeck("p1", 3);
    const { trainer, learners, group } = await classOf(2, "p1");
    const [a] = learners as unknown as [{ id: string }];
    const versions = new Map<string, number>();
    const review = async (cardId: string, rating: 1 | 3, when: Date) => {
      const r = await recordReview(
        a.id,
        {
          idempotencyKey: key(),
          cardId,
          rating,
          expectedVersion: versions.get(cardId) ?? 0,
          answeredAt: when.getTime(),
          durationMs: 900,
        },
        when,
      );
      versions.set(cardId, r.version);
    };
    await review("p1-c01", 3, days(-10));
    await review("p1-c02", 1, days(-9));
    await review("p1-c02", 1, days(-1));
    await review("p1-c02", 1, new Date(days(-1).getTime() + 3_600_000));
    const history = await getClientHistory(trainer.id, a.id, T0, 3);
    expect(history.assignments).toHaveLength(1);
    expect(history.assignments[0]?.weeks.map((w) => w.reviews)).toEqual([0, 2, 2]);
    expect(history.forgotten).toMatchObject([{ cardId: "p1-c02", thisWeek: 2, lastWeek: 1 }]);
    expect(history.quizAttempts).toEqual([]);
    const groupHistory = await getGroupHistory(trainer.id, group.id, T0, 3);
    expect(groupHistory.decks).toMatchObject([{ deckSlug: "p1", clients: 1 }]);
    expect(groupHistory.decks[0]?.weeks.map((w) => w.reviews)).toEqual([0, 2, 2]);
    const stranger = await createTrainer();
    await expect(getGroupHistory(stranger.id, group.id, T0)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getClientHistory(stranger.id, a.id, T0)).rejects.toBeInstanceOf(NotFoundError);
  });
});

it("ValidationError is a 400", () => {
  expect(new ValidationError("x").status).toBe(400);
});

import { beforeAll, describe, expect, it } from "vitest";
import { answerQuestion, getQuizAttempt, getQuizHistory, startQuiz } from "@/lib/data/quiz";
import { recordReview, undoReview } from "@/lib/data/reviews";
import { getStudySession } from "@/lib/data/study";
import { requireClientAccess, requireTrainer } from "@/lib/data/trainer/access";
import { clientsCsv, getClientDetail, getClientsTable, getDeckInsight } from "@/lib/data/trainer/dashboard";
import {
  acceptInvitation,
  assignDeck,
  createInvitation,
  leaveTrainer,
  listMyAssignments,
  removeClient,
  revokeInvitation,
  setQuizSharing,
  unassignDeck,
} from "@/lib/data/trainer/links";
import { createUser } from "@/lib/data/users";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { createDeck, createLearner, key } from "./fixtures";

/**
 * Who may read or change what, cell by cell. Actors: learner A, learner B, a trainer linked to A
 * with an assignment, a trainer whose invitation A has not accepted, and a trainer A left.
 * (Anonymous requests never reach the data layer: every route and action calls requireUser
 * first; the HTTP side is covered in e2e/api.spec.ts.)
 * Its consent dimension (what a linked trainer sees of quiz answers, sharing on and off, view by
 * view) is trainer-consent-matrix.test.ts.
 */
const T0 = new Date(Date.UTC(2026, 2, 1, 12));
type Actor = "learnerA" | "learnerB" | "linkedTrainer" | "pendingTrainer" | "leftTrainer";
const ACTORS: Actor[] = ["learnerA", "learnerB", "linkedTrainer", "pendingTrainer", "leftTrainer"];

const ids = {} as Record<Actor, { id: string; role: string }>;
let attemptId = "";
let reviewKey = "";
let assignmentId = "";
let pendingInvitationId = "";

beforeAll(async () => {
  const trainer = (name: string) =>
    createUser({ name, email: `${key()}@example.com`, password: "trainer-password", role: "trainer" });
  ids.learnerA = await createLearner("A");
  ids.learnerB = await createLearner("B");
  ids.linkedTrainer = await trainer("Linked");
  ids.pendingTrainer = await trainer("Pending");
  ids.leftTrainer = await trainer("Left");
  const cards = await createDeck("matrix", 3);
  await db.quizItem.create({
    data: {
      id: "matrix-q1",
      deckSlug: "matrix",
      kind: "true-false",
      prompt: "Is this a test?",
      choices: JSON.stringify(["True", "False"]),
      answer: JSON.stringify("True"),
      explanation: "It is a test, as the fixture says.",
      evidence: "background",
      sources: JSON.stringify([{ document: "doc", quote: "A quote of the source.", quoteId: "q1" }]),
      cardIds: JSON.stringify([cards[0]]),
      position: 0,
    },
  });
  const link = async (trainerId: string) => {
    const invitation = await createInvitation(trainerId, { maxUses: 1, expiresInDays: 14 }, T0);
    await acceptInvitation(ids.learnerA, invitation.code, { shareQuizAnswers: true }, T0);
  };
  await link(ids.linkedTrainer.id);
  await link(ids.leftTrainer.id);
  await assignDeck(
    ids.linkedTrainer.id,
    { clientIds: [ids.learnerA.id], deckSlug: "matrix", goal: "all-introduced" },
    T0,
  );
  await assignDeck(
    ids.leftTrainer.id,
    { clientIds: [ids.learnerA.id], deckSlug: "matrix", goal: "all-introduced" },
    T0,
  );
  await leaveTrainer(ids.learnerA.id, ids.leftTrainer.id, T0);
  pendingInvitationId = (await createInvitation(ids.pendingTrainer.id, { maxUses: 1, expiresInDays: 14 }, T0))
    .id;
  assignmentId = (await db.assignment.findFirstOrThrow({ where: { trainerId: ids.linkedTrainer.id } })).id;

  reviewKey = key();
  await recordReview(
    ids.learnerA.id,
    {
      idempotencyKey: reviewKey,
      cardId: cards[0]!,
      rating: 3,
      expectedVersion: 0,
      answeredAt: T0.getTime(),
      durationMs: 1,
    },
    T0,
  );
  attemptId = await startQuiz(ids.learnerA.id, { deck: "matrix", length: 5, mode: "mixed" }, T0);
});

type Outcome = "allow" | "not-found" | "forbidden";
async function outcome(run: () => unknown): Promise<Outcome> {
  try {
    await run();
    return "allow";
  } catch (error) {
    if (error instanceof NotFoundError) return "not-found";
    if (error instanceof ForbiddenError) return "forbidden";
    throw error;
  }
}

/**
 * Each operation, with what every actor must get. Within a row the denied actors go first and
 * the allowed one last, so its real (possibly destructive) call cannot mask a denial; rows that
 * end a relationship come last.
 */
const MATRIX: Array<{ name: string; run: (actor: Actor) => unknown; expect: Record<Actor, Outcome> }> = [
  {
    name: "read A's quiz attempt",
    run: (actor) => getQuizAttempt(ids[actor].id, attemptId),
    expect: {
      learnerA: "allow",
      learnerB: "not-found",
      linkedTrainer: "not-found",
      pendingTrainer: "not-found",
      leftTrainer: "not-found",
    },
  },
  {
    name: "answer A's quiz",
    run: (actor) =>
      answerQuestion(
        ids[actor].id,
        attemptId,
        { itemId: "matrix-q1", response: { choice: "True" }, durationMs: 1 },
        T0,
      ),
    expect: {
      learnerA: "allow",
      learnerB: "not-found",
      linkedTrainer: "not-found",
      pendingTrainer: "not-found",
      leftTrainer: "not-found",
    },
  },
  {
    name: "undo A's review",
    run: (actor) => undoReview(ids[actor].id, reviewKey, T0),
    expect: {
      learnerA: "allow",
      learnerB: "not-found",
      linkedTrainer: "not-found",
      pendingTrainer: "not-found",
      leftTrainer: "not-found",
    },
  },
  {
    name: "open A's progress as a trainer (link and assigned decks)",
    run: async (actor) => {
      await requireTrainer(ids[actor]);
      return requireClientAccess(ids[actor].id, ids.learnerA.id);
    },
    expect: {
      learnerA: "forbidden",
      learnerB: "forbidden",
      linkedTrainer: "allow",
      pendingTrainer: "not-found",
      leftTrainer: "not-found",
    },
  },
  {
    name: "read A's progress page (client detail)",
    run: (actor) => getClientDetail(ids[actor].id, ids.learnerA.id, T0),
    expect: {
      learnerA: "not-found",
      learnerB: "not-found",
      linkedTrainer: "allow",
      pendingTrainer: "not-found",
      leftTrainer: "not-found",
    },
  },
  {
    name: "assign a deck to A",
    run: (actor) =>
      assignDeck(
        ids[actor].id,
        { clientIds: [ids.learnerA.id], deckSlug: "matrix", goal: "all-introduced" },
        T0,
      ),
    expect: {
      learnerA: "not-found",
      learnerB: "not-found",
      linkedTrainer: "allow",
      pendingTrainer: "not-found",
      leftTrainer: "not-found",
    },
  },
  {
    name: "change quiz sharing with the linked trainer",
    run: (actor) => setQuizSharing(ids[actor].id, ids.linkedTrainer.id, true),
    expect: {
      learnerA: "allow",
      learnerB: "not-found",
      linkedTrainer: "not-found",
      pendingTrainer: "not-found",
      leftTrainer: "not-found",
    },
  },
  {
    name: "unassign the linked trainer's assignment",
    run: (actor) => unassignDeck(ids[actor].id, assignmentId, T0),
    expect: {
      learnerA: "not-found",
      learnerB: "not-found",
      linkedTrainer: "allow",
      pendingTrainer: "not-found",
      leftTrainer: "not-found",
    },
  },
  {
    name: "revoke the pending trainer's invitation",
    run: (actor) => revokeInvitation(ids[actor].id, pendingInvitationId, T0),
    expect: {
      learnerA: "not-found",
      learnerB: "not-found",
      linkedTrainer: "not-found",
      pendingTrainer: "allow",
      leftTrainer: "not-found",
    },
  },
  {
    name: "remove A as a client",
    run: (actor) => removeClient(ids[actor].id, ids.learnerA.id, T0),
    expect: {
      learnerA: "not-found",
      learnerB: "not-found",
      linkedTrainer: "allow",
      pendingTrainer: "not-found",
      leftTrainer: "not-found",
    },
  },
];

describe("authorization matrix", () => {
  // Runs before the matrix rows, which end by removing A as a client.
  it("lists A in a trainer's clients table, CSV and deck insight only for the linked trainer", async () => {
    const emailOfA = (await db.user.findUniqueOrThrow({ where: { id: ids.learnerA.id } })).email;
    for (const actor of ["linkedTrainer", "pendingTrainer", "leftTrainer"] as const) {
      const linked = actor === "linkedTrainer";
      const table = await getClientsTable(ids[actor].id, T0, {});
      expect(table.rows.some((row) => row.clientId === ids.learnerA.id)).toBe(linked);
      expect((await clientsCsv(ids[actor].id, T0)).includes(emailOfA)).toBe(linked);
      const insight = await getDeckInsight(ids[actor].id, "matrix", T0);
      expect(insight.clients).toBe(linked ? 1 : 0);
    }
  });

  for (const row of MATRIX) {
    const ordered = [...ACTORS].sort(
      (a, b) => Number(row.expect[a] === "allow") - Number(row.expect[b] === "allow"),
    );
    for (const actor of ordered) {
      it(`${row.name}: ${actor} → ${row.expect[actor]}`, async () => {
        const before = await snapshot();
        const result = await outcome(() => row.run(actor));
        expect(result).toBe(row.expect[actor]);
        if (result !== "allow") expect(await snapshot()).toEqual(before);
      });
    }
  }

  it("learners' own views never include another learner's data", async () => {
    const forB = await getStudySession(ids.learnerB.id, { deck: "matrix", cardIds: null }, T0);
    expect(forB.cards.every((card) => card.version === 0)).toBe(true);
    expect((await getQuizHistory(ids.learnerB.id, "matrix")).open).toBeNull();
    expect(await listMyAssignments(ids.learnerB.id)).toEqual([]);
  });
});

/** Everything a denied call could have touched. */
async function snapshot() {
  const [logs, states, answers, attempts, assignments, invitations, links] = await Promise.all([
    db.reviewLog.findMany({ orderBy: { id: "asc" } }),
    db.cardState.findMany({ orderBy: [{ userId: "asc" }, { cardId: "asc" }] }),
    db.quizAnswer.findMany({ orderBy: { id: "asc" } }),
    db.quizAttempt.findMany({ orderBy: { id: "asc" } }),
    db.assignment.findMany({ orderBy: { id: "asc" } }),
    db.trainerInvitation.findMany({ orderBy: { id: "asc" } }),
    db.trainerClient.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { logs, states, answers, attempts, assignments, invitations, links };
}

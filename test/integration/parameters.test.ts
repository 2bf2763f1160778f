import { beforeAll, describe, expect, it } from "vitest";
import { loadEffectiveWeights } from "@/lib/data/effective-weights";
import {
  DEFAULT_WEIGHTS,
  discardParameterSet,
  getEffectiveParameters,
  getOptimizationJob,
  getParameterOverview,
  InsufficientHistoryError,
  type ParameterSetView,
  previewReschedule,
  rescheduleCards,
  startPersonalOptimization,
  switchParameterSet,
} from "@/lib/data/parameters";
import { loadLearnerSettings } from "@/lib/data/schedule-rows";
import {
  applyCohortSet,
  cohortMembers,
  discardCohortSet,
  getCohortOverview,
  startCohortOptimization,
} from "@/lib/data/trainer/cohort-parameters";
import { acceptInvitation, assignDeck, createInvitation, removeClient } from "@/lib/data/trainer/links";
import { createUser } from "@/lib/data/users";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { query } from "@/lib/query";
import { signUpSchema } from "@/lib/validations/user";
import { SYNTHETIC_TRUE_WEIGHTS, writeSyntheticHistory } from "../synthetic-history";
import { createDeck, createLearner } from "./fixtures";

const NOW = new Date(Date.UTC(2026, 10, 24, 12));
/** The weights the review path schedules with (lib/data/reviews reads settings this way). */
const scheduledWeights = async (userId: string) => (await loadLearnerSettings(query(), userId)).weights;

async function finishedJob(userId: string, start: Promise<{ jobId: string; finished: Promise<void> }>) {
  const { jobId, finished } = await start;
  await finished;
  return getOptimizationJob(userId, jobId, NOW);
}

async function cardVersions(userId: string): Promise<Map<string, number>> {
  const states = await db.cardState.findMany({ where: { userId }, select: { cardId: true, version: true } });
  return new Map(states.map((s) => [s.cardId, s.version]));
}

let deck: string[];
let learnerId: string;
let proposal: ParameterSetView;

beforeAll(async () => {
  deck = await createDeck("opt", 160);
  const learner = await createLearner("Optimizer");
  learnerId = learner.id;
  // 160 cards × 6 answers, by a learner who forgets by known, non-default parameters.
  const { reviews } = await writeSyntheticHistory(query(), learnerId, deck, {
    answersPerCard: 6,
    now: NOW,
    settings: await loadLearnerSettings(query(), learnerId),
  });
  expect(reviews).toBe(960);
}, 60_000);

describe("optimizing a learner's parameters", () => {
  it("returns at once with a job, and fits parameters that predict the history better than the defaults", async () => {
    const { jobId, finished } = await startPersonalOptimization(learnerId, {}, NOW);
    const early = await getOptimizationJob(learnerId, jobId, NOW);
    expect(["queued", "running"]).toContain(early.status);
    await finished;

    const job = await getOptimizationJob(learnerId, jobId, NOW);
    expect(job).toMatchObject({ status: "done", progress: 1, reviewCount: 960, error: null });
    const overview = await getParameterOverview(learnerId, NOW);
    expect(overview.proposal?.id).toBe(job.parameterSetId);
    proposal = overview.proposal as ParameterSetView;
    expect(proposal).toMatchObject({ scope: "personal", version: 1, reviewCount: 960, cardCount: 160 });
    expect(proposal.appliedAt).toBeNull();
    // Both fits are on the same items: the new parameters explain the history better.
    const before = proposal.before!;
    const after = proposal.after!;
    expect(after.logLoss).toBeLessThan(before.logLoss);
    expect(after.rmse).toBeGreaterThan(0);
    // And they move from the defaults towards the learner's real ones: the initial stability after
    // Good (w2) and the forgetting curve's decay (w20).
    const fitted: number[] = JSON.parse(
      (await db.fsrsParameterSet.findUniqueOrThrow({ where: { id: proposal.id } })).weights,
    );
    for (const i of [2, 20]) {
      const truth = SYNTHETIC_TRUE_WEIGHTS[i]!;
      expect(Math.abs(fitted[i]! - truth)).toBeLessThan(Math.abs(DEFAULT_WEIGHTS[i]! - truth));
    }
    // Not applied yet: the scheduler still uses the defaults.
    expect(overview.effective.source).toBe("default");
    expect(await scheduledWeights(learnerId)).toBeUndefined();
  });

  it("shows a job to its owner only", async () => {
    const job = await db.optimizationJob.findFirstOrThrow({ where: { userId: learnerId } });
    const stranger = await createLearner("Stranger");
    await expect(getOptimizationJob(stranger.id, job.id, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a learner with too little history and keeps their parameters", async () => {
    const novice = await createLearner("Novice");
    await writeSyntheticHistory(query(), novice.id, deck.slice(0, 50), {
      answersPerCard: 4,
      now: NOW,
      seed: 2,
    });
    const before = await getEffectiveParameters(novice.id);
    const error = await startPersonalOptimization(novice.id, {}, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientHistoryError);
    expect((error as InsufficientHistoryError).status).toBe(422);
    expect((error as InsufficientHistoryError).message).toMatch(/at least 400 reviews; there are 200/);
    expect((error as InsufficientHistoryError).details).toMatchObject({ reviewCount: 200, needed: 400 });
    expect(await db.optimizationJob.count({ where: { userId: novice.id } })).toBe(0);
    expect(await getEffectiveParameters(novice.id)).toEqual(before);
  });

  it("ends a job with an explanation when too few cards were reviewed on a later day", async () => {
    const crammer = await createLearner("Crammer");
    // 420 answers, but each card answered only once: nothing to predict.
    const many = await createDeck("cram", 420);
    await writeSyntheticHistory(query(), crammer.id, many, { answersPerCard: 1, now: NOW, seed: 3 });
    const job = await finishedJob(crammer.id, startPersonalOptimization(crammer.id, {}, NOW));
    expect(job.status).toBe("failed");
    expect(job.error).toMatch(/at least 100 reviews of cards seen on an earlier day/);
    expect(await db.fsrsParameterSet.count({ where: { ownerId: crammer.id } })).toBe(0);
  });
});

describe("applying, discarding and going back", () => {
  it("applies a proposal: the scheduler uses its weights, on both read paths", async () => {
    const result = await switchParameterSet(learnerId, proposal.id, { reschedule: false }, NOW);
    expect(result).toEqual({ rescheduled: 0, skipped: 0 });
    const effective = await getEffectiveParameters(learnerId);
    expect(effective.source).toBe("personal");
    expect(effective.set?.id).toBe(proposal.id);
    expect(await scheduledWeights(learnerId)).toEqual(effective.weights);
    expect(await loadEffectiveWeights(query(), learnerId)).toEqual(effective.weights);
    const overview = await getParameterOverview(learnerId, NOW);
    expect(overview.proposal).toBeNull();
    expect(overview.versions.map((v) => [v.version, v.appliedAt !== null])).toEqual([[1, true]]);
  });

  it("refuses to discard the set in use, and discards a newer proposal", async () => {
    await expect(discardParameterSet(learnerId, proposal.id, NOW)).rejects.toBeInstanceOf(ConflictError);
    const job = await finishedJob(learnerId, startPersonalOptimization(learnerId, {}, NOW));
    expect(job.status).toBe("done");
    const second = (await getParameterOverview(learnerId, NOW)).proposal!;
    expect(second.version).toBe(2);
    // The "before" fit of the second run is the first set's, now in use.
    expect(second.before?.logLoss).toBeCloseTo(proposal.after!.logLoss, 3);
    await discardParameterSet(learnerId, second.id, NOW);
    const overview = await getParameterOverview(learnerId, NOW);
    expect(overview.proposal).toBeNull();
    expect(overview.versions.map((v) => [v.version, v.discardedAt !== null])).toEqual([
      [2, true],
      [1, false],
    ]);
    await expect(switchParameterSet(learnerId, second.id, { reschedule: false }, NOW)).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it("goes back to the defaults and to a previous version", async () => {
    await switchParameterSet(learnerId, null, { reschedule: false }, NOW);
    expect((await getEffectiveParameters(learnerId)).source).toBe("default");
    expect(await scheduledWeights(learnerId)).toBeUndefined();
    await switchParameterSet(learnerId, proposal.id, { reschedule: false }, NOW);
    expect((await getEffectiveParameters(learnerId)).set?.version).toBe(1);
  });

  it("never uses another learner's set", async () => {
    const other = await createLearner("Other");
    await expect(
      switchParameterSet(other.id, proposal.id, { reschedule: false }, NOW),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(discardParameterSet(other.id, proposal.id, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewReschedule(other.id, NOW, proposal.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("rescheduling", () => {
  it("previews the moves, then writes them in one go, bumping each moved card's version", async () => {
    // Back to the defaults without rescheduling: the cards still sit where the defaults put them.
    await switchParameterSet(learnerId, null, { reschedule: false }, NOW);
    expect((await previewReschedule(learnerId, NOW)).moved).toBe(0);

    const preview = await previewReschedule(learnerId, NOW, proposal.id);
    expect(preview.cards).toBe(160);
    expect(preview.moved).toBeGreaterThan(0);
    expect(preview.earlier + preview.later).toBe(preview.moved);
    expect(preview.medianChangeDays).not.toBeNull();

    const before = await cardVersions(learnerId);
    const dueBefore = await db.cardState.findMany({
      where: { userId: learnerId },
      select: { cardId: true, due: true },
    });
    const result = await switchParameterSet(learnerId, proposal.id, { reschedule: true }, NOW);
    expect(result).toEqual({ rescheduled: preview.moved, skipped: 0 });
    const after = await cardVersions(learnerId);
    const dueAfter = new Map(
      (
        await db.cardState.findMany({ where: { userId: learnerId }, select: { cardId: true, due: true } })
      ).map((s) => [s.cardId, s.due.getTime()]),
    );
    let bumped = 0;
    for (const { cardId, due } of dueBefore) {
      const moved = dueAfter.get(cardId) !== due.getTime();
      expect(after.get(cardId)).toBe((before.get(cardId) ?? 0) + (moved ? 1 : 0));
      if (moved) bumped += 1;
    }
    expect(bumped).toBe(preview.moved);
    // Now in place: nothing left to move.
    expect((await previewReschedule(learnerId, NOW)).moved).toBe(0);
  });

  it("reschedules after a change of desired retention", async () => {
    await db.studySettings.update({ where: { userId: learnerId }, data: { desiredRetention: 0.8 } });
    const preview = await previewReschedule(learnerId, NOW);
    expect(preview.moved).toBeGreaterThan(0);
    expect(preview.later).toBeGreaterThan(preview.earlier);
    const result = await rescheduleCards(learnerId, NOW);
    expect(result.rescheduled).toBe(preview.moved);
    expect((await previewReschedule(learnerId, NOW)).moved).toBe(0);
  });

  it("leaves a card answered since the plan was made (its version changed)", async () => {
    await db.studySettings.update({ where: { userId: learnerId }, data: { desiredRetention: 0.9 } });
    const [first] = await db.cardState.findMany({ where: { userId: learnerId }, take: 1 });
    // Someone else writes the card between the read and the write of the reschedule.
    const original = db.cardState.findMany.bind(db.cardState);
    const spy = Object.assign(db.cardState, {
      findMany: async (...args: Parameters<typeof original>) => {
        const rows = await original(...args);
        await db.cardState.update({
          where: { userId_cardId: { userId: learnerId, cardId: first!.cardId } },
          data: { version: { increment: 1 } },
        });
        return rows;
      },
    });
    try {
      const result = await rescheduleCards(learnerId, NOW);
      expect(result.skipped).toBe(1);
      expect(result.rescheduled).toBeGreaterThan(0);
    } finally {
      spy.findMany = original;
    }
  });
});

describe("cohort parameters", () => {
  let trainer: { id: string; role: string };
  let clientA: string;
  let clientB: string;
  let cohortSetId: string;

  async function newClient(name: string, code: string, share: boolean) {
    const client = await createLearner(name);
    await acceptInvitation({ id: client.id, role: "learner" }, code, { shareQuizAnswers: share }, NOW);
    return client.id;
  }

  beforeAll(async () => {
    trainer = await createUser(
      signUpSchema.parse({
        name: "Coach",
        email: "coach@example.com",
        password: "integration-password",
        role: "trainer",
      }),
    );
    const { code } = await createInvitation(trainer.id, { maxUses: 5, expiresInDays: 14 }, NOW);
    clientA = await newClient("Client A", code, true);
    clientB = await newClient("Client B", code, false);
    await assignDeck(
      trainer.id,
      { clientIds: [clientA, clientB], deckSlug: "opt", goal: "all-introduced" },
      NOW,
    );
    // A has plenty of history on the deck, B almost none.
    await writeSyntheticHistory(query(), clientA, deck.slice(0, 120), {
      answersPerCard: 6,
      now: NOW,
      seed: 4,
    });
    await writeSyntheticHistory(query(), clientB, deck.slice(0, 10), {
      answersPerCard: 3,
      now: NOW,
      seed: 5,
    });
  }, 60_000);

  it("counts only linked clients with the deck assigned, and refuses other trainers' decks", async () => {
    expect((await cohortMembers(trainer.id, "opt")).map((m) => m.clientId).sort()).toEqual(
      [clientA, clientB].sort(),
    );
    await expect(startCohortOptimization(trainer.id, "cram", NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("fits one set on the clients' logs; clients with too little history use it once applied", async () => {
    const job = await finishedJob(trainer.id, startCohortOptimization(trainer.id, "opt", NOW));
    expect(job).toMatchObject({ status: "done", scope: "cohort", deckSlug: "opt", reviewCount: 750 });
    const overview = await getCohortOverview(trainer.id, "opt", NOW);
    expect(overview).toMatchObject({ clients: 2, sharingClients: 1, reviewCount: 750, inUse: null });
    cohortSetId = overview.proposal!.id;
    expect(overview.proposal!.after!.logLoss).toBeLessThan(overview.proposal!.before!.logLoss);

    // Proposed only: nobody uses it yet.
    expect((await getEffectiveParameters(clientB)).source).toBe("default");
    await applyCohortSet(trainer.id, cohortSetId, NOW);
    const forB = await getEffectiveParameters(clientB);
    expect(forB).toMatchObject({
      source: "cohort",
      set: { id: cohortSetId, trainerName: "Coach", deckTitle: "Deck opt" },
    });
    expect(await scheduledWeights(clientB)).toEqual(forB.weights);
    // A has enough history of their own: the defaults until they optimize.
    expect((await getEffectiveParameters(clientA)).source).toBe("default");
    expect(await scheduledWeights(clientA)).toBeUndefined();
  });

  it("keeps a client's own set first, and stops when the link or the set goes", async () => {
    // B's own applied set wins over the cohort set (here: the learner's set, copied for B).
    const own = await db.fsrsParameterSet.create({
      data: {
        ownerId: clientB,
        scope: "personal",
        version: 1,
        weights: (await db.fsrsParameterSet.findUniqueOrThrow({ where: { id: proposal.id } })).weights,
        reviewCount: 0,
        cardCount: 0,
      },
    });
    await switchParameterSet(clientB, own.id, { reschedule: false }, NOW);
    expect((await getEffectiveParameters(clientB)).source).toBe("personal");
    expect(await scheduledWeights(clientB)).toEqual((await getEffectiveParameters(clientB)).weights);
    await switchParameterSet(clientB, null, { reschedule: false }, NOW);
    expect((await getEffectiveParameters(clientB)).source).toBe("cohort");

    // Withdrawn by the trainer: the defaults again.
    await discardCohortSet(trainer.id, cohortSetId, NOW);
    expect((await getEffectiveParameters(clientB)).source).toBe("default");
    expect(await scheduledWeights(clientB)).toBeUndefined();
  });

  it("stops applying the cohort set when the client leaves the trainer", async () => {
    const job = await finishedJob(trainer.id, startCohortOptimization(trainer.id, "opt", NOW));
    await applyCohortSet(trainer.id, job.parameterSetId!, NOW);
    expect((await getEffectiveParameters(clientB)).source).toBe("cohort");
    await removeClient(trainer.id, clientB, NOW);
    expect((await getEffectiveParameters(clientB)).source).toBe("default");
    expect(await scheduledWeights(clientB)).toBeUndefined();
    expect((await cohortMembers(trainer.id, "opt")).map((m) => m.clientId)).toEqual([clientA]);
  });

  it("keeps trainers to their own sets", async () => {
    const other = await createUser(
      signUpSchema.parse({
        name: "Other coach",
        email: "other@example.com",
        password: "integration-password",
        role: "trainer",
      }),
    );
    await expect(applyCohortSet(other.id, cohortSetId, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(discardCohortSet(other.id, cohortSetId, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      getOptimizationJob(
        other.id,
        (await db.optimizationJob.findFirstOrThrow({ where: { userId: trainer.id } })).id,
        NOW,
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

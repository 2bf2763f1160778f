import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";

/**
 * Everything Retain stores about the user, as one JSON-ready object: profile (never the
 * password hash), settings, every card's schedule and every answer, quizzes, trainer links,
 * personal decks, and the FSRS parameter sets and optimization runs they own.
 */
export async function exportAccountData(userId: string, now: Date) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, createdAt: true },
  });
  if (!user) throw new NotFoundError("This account no longer exists.");
  const [
    settings,
    cardStates,
    reviewLogs,
    quizAttempts,
    trainers,
    assignments,
    invitations,
    clients,
    decks,
    parameterSets,
    optimizationJobs,
  ] = await Promise.all([
    db.studySettings.findUnique({ where: { userId }, omit: { userId: true } }),
    db.cardState.findMany({ where: { userId }, omit: { userId: true }, orderBy: { cardId: "asc" } }),
    db.reviewLog.findMany({ where: { userId }, omit: { userId: true }, orderBy: { reviewedAt: "asc" } }),
    db.quizAttempt.findMany({
      where: { userId },
      omit: { userId: true },
      include: { answers: { omit: { attemptId: true }, orderBy: { position: "asc" } } },
      orderBy: { startedAt: "asc" },
    }),
    db.trainerClient.findMany({
      where: { clientId: userId },
      select: {
        linkedAt: true,
        endedAt: true,
        endedBy: true,
        shareQuizAnswers: true,
        trainer: { select: { name: true } },
      },
    }),
    db.assignment.findMany({
      where: { clientId: userId },
      omit: { clientId: true },
      include: { trainer: { select: { name: true } } },
    }),
    db.trainerInvitation.findMany({ where: { trainerId: userId }, omit: { trainerId: true } }),
    db.trainerClient.findMany({
      where: { trainerId: userId },
      select: {
        linkedAt: true,
        endedAt: true,
        endedBy: true,
        client: { select: { name: true, email: true } },
      },
    }),
    // The learner's own imported decks with their cards (content decks are everyone's).
    db.deck.findMany({
      where: { ownerId: userId },
      orderBy: { createdAt: "asc" },
      select: {
        slug: true,
        title: true,
        description: true,
        createdAt: true,
        cards: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            kind: true,
            front: true,
            back: true,
            evidence: true,
            topic: true,
            position: true,
          },
        },
      },
    }),
    // Personal sets, and a trainer's cohort sets (fitted on consenting clients' logs; no logs here).
    db.fsrsParameterSet.findMany({
      where: { ownerId: userId },
      omit: { ownerId: true },
      orderBy: { version: "asc" },
    }),
    db.optimizationJob.findMany({ where: { userId }, omit: { userId: true }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    exportedAt: now.toISOString(),
    format: "retain-account-export/1",
    user,
    settings,
    cardStates,
    reviewLogs,
    quizAttempts: quizAttempts.map((attempt) => ({
      ...attempt,
      itemIds: JSON.parse(attempt.itemIds) as string[],
      answers: attempt.answers.map((answer) => ({
        ...answer,
        response: JSON.parse(answer.response) as unknown,
      })),
    })),
    trainers,
    assignments,
    personalDecks: decks,
    parameterSets: parameterSets.map((set) => ({ ...set, weights: JSON.parse(set.weights) as number[] })),
    optimizationJobs,
    ...(user.role === "trainer" ? { invitations, clients } : {}),
  };
}

/**
 * Deletes the account and, with it, its whole history (the foreign keys cascade): settings,
 * schedules, answers, quizzes, trainer links and assignments. A trainer loses access to this
 * client at once, because the link rows are gone.
 */
export async function deleteAccount(userId: string, password: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new NotFoundError("This account no longer exists.");
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new ValidationError("Your password is not correct.", {
      password: ["Your password is not correct."],
    });
  }
  await db.user.delete({ where: { id: userId } });
}

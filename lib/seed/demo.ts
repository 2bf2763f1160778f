import { randomUUID } from "node:crypto";
import { hashPassword } from "../auth/password";
import type { PrismaClient } from "../generated/prisma/client";
import { DEFAULT_LEARNER_SETTINGS } from "../srs/settings";
import type { Role } from "../validations/user";
import { demoHistory } from "./demo-history";

export const DEMO_PASSWORD = "retain-demo-2026";

const DEMO_TRAINER_EMAIL = "trainer@retain.example";

export const DEMO_ACCOUNTS: ReadonlyArray<{ name: string; email: string; role: Role }> = [
  { name: "Jordan Coach", email: DEMO_TRAINER_EMAIL, role: "trainer" },
  { name: "Alex Learner", email: "alex@retain.example", role: "learner" },
  { name: "Sam Learner", email: "sam@retain.example", role: "learner" },
];

/** The demo trainer's clients: the two demo learners, with a few weeks of study on one deck. */
const DEMO_CLIENTS = [
  { email: "alex@retain.example", cards: 8, days: 16, seed: 11 },
  { email: "sam@retain.example", cards: 4, days: 9, seed: 23 },
] as const;
export const DEMO_ASSIGNED_DECK = "mk4-vs-mk7";

/** Creates the demo accounts once; an existing account keeps its password and progress. */
export async function seedDemoAccounts(db: PrismaClient, now = new Date()): Promise<number> {
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    const exists = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (exists) continue;
    await db.user.create({
      data: { ...account, passwordHash: await hashPassword(DEMO_PASSWORD), settings: { create: {} } },
    });
    created++;
  }
  await seedDemoClients(db, now);
  return created;
}

/**
 * Links the demo learners to the demo trainer as clients, assigns them a deck and gives them a
 * study history, so a trainer trying the app sees a populated clients page (issue 16). A client
 * already linked to the trainer, or with answers of their own, is left as it is.
 */
export async function seedDemoClients(db: PrismaClient, now: Date): Promise<void> {
  const trainer = await db.user.findUnique({
    where: { email: DEMO_TRAINER_EMAIL },
    select: { id: true },
  });
  const deck = await db.card.findMany({
    where: { deckSlug: DEMO_ASSIGNED_DECK, retired: false },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  if (!trainer || deck.length === 0) return;
  for (const client of DEMO_CLIENTS) {
    const user = await db.user.findUnique({ where: { email: client.email }, select: { id: true } });
    if (!user) continue;
    const linked = await db.trainerClient.findUnique({
      where: { trainerId_clientId: { trainerId: trainer.id, clientId: user.id } },
    });
    if (linked || (await db.reviewLog.count({ where: { userId: user.id } })) > 0) continue;
    const history = demoHistory({
      cardIds: deck.slice(0, client.cards).map((card) => card.id),
      now,
      days: client.days,
      seed: client.seed,
      // The demo accounts study with the default settings their StudySettings row holds.
      settings: DEFAULT_LEARNER_SETTINGS,
      // The fuzz key of lib/data/reviews (cardKey), so later answers continue the same schedule.
      cardKey: (cardId) => `${user.id}:${cardId}`,
    });
    const linkedAt = new Date(now.getTime() - (client.days + 1) * 86_400_000);
    await db.$transaction([
      db.trainerClient.create({ data: { trainerId: trainer.id, clientId: user.id, linkedAt } }),
      db.assignment.create({
        data: {
          trainerId: trainer.id,
          clientId: user.id,
          deckSlug: DEMO_ASSIGNED_DECK,
          goal: "all-introduced",
          dueAt: new Date(now.getTime() + 14 * 86_400_000),
          createdAt: linkedAt,
        },
      }),
      db.reviewLog.createMany({
        data: history.flatMap(({ cardId, logs }) =>
          logs.map((log, index) => ({
            userId: user.id,
            cardId,
            idempotencyKey: `demo-${randomUUID()}`,
            origin: "study",
            ...log,
            cardVersion: index + 1,
          })),
        ),
      }),
      db.cardState.createMany({
        data: history.map(({ cardId, schedule, logs }) => ({
          userId: user.id,
          cardId,
          ...schedule,
          version: logs.length,
          introducedAt: logs[0]?.reviewedAt ?? now,
        })),
      }),
    ]);
  }
}

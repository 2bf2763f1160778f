import { hashPassword } from "../auth/password";
import type { PrismaClient } from "../generated/prisma/client";
import type { Role } from "../validations/user";

export const DEMO_PASSWORD = "retain-demo-2026";

export const DEMO_ACCOUNTS: ReadonlyArray<{ name: string; email: string; role: Role }> = [
  { name: "Jordan Coach", email: "trainer@retain.example", role: "trainer" },
  { name: "Alex Learner", email: "alex@retain.example", role: "learner" },
  { name: "Sam Learner", email: "sam@retain.example", role: "learner" },
];

/** Creates the demo accounts once; an existing account keeps its password and progress. */
export async function seedDemoAccounts(db: PrismaClient): Promise<number> {
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    const exists = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (exists) continue;
    await db.user.create({
      data: { ...account, passwordHash: await hashPassword(DEMO_PASSWORD), settings: { create: {} } },
    });
    created++;
  }
  return created;
}

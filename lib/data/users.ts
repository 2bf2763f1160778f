import "server-only";
import { hashPassword, verifyAgainstDecoy, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { ROLES, type Role, type SignUpInput } from "@/lib/validations/user";

export interface AccountUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  sessionVersion: number;
}

const accountFields = { id: true, name: true, email: true, role: true, sessionVersion: true } as const;

function asRole(role: string): Role {
  return (ROLES as readonly string[]).includes(role) ? (role as Role) : "learner";
}

export async function createUser(
  input: Omit<SignUpInput, "timeZone"> & { timeZone?: string },
): Promise<AccountUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: {
        name: input.name,
        email: input.email,
        role: input.role,
        passwordHash,
        settings: { create: input.timeZone ? { timeZone: input.timeZone } : {} },
      },
      select: accountFields,
    });
    return { ...user, role: asRole(user.role) };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ValidationError("An account with this email already exists.", {
        email: ["An account with this email already exists. Sign in instead?"],
      });
    }
    throw error;
  }
}

/** The account for these credentials, or null; unknown emails take as long as wrong passwords. */
export async function authenticate(email: string, password: string): Promise<AccountUser | null> {
  const user = await db.user.findUnique({
    where: { email },
    select: { ...accountFields, passwordHash: true },
  });
  if (!user) return verifyAgainstDecoy(password).then(() => null);
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  const { passwordHash: _, ...account } = user;
  return { ...account, role: asRole(account.role) };
}

/** Every session issued before this call is refused on its next request. */
export async function revokeAllSessions(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

export async function changePassword(
  userId: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new ValidationError("Your current password is not correct.", {
      currentPassword: ["Your current password is not correct."],
    });
  }
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } },
  });
}

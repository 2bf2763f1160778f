import "server-only";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getServerSession } from "next-auth";
import { UnauthorizedError } from "@/lib/errors";
import type { Role } from "@/lib/validations/user";
import { authOptions } from "./options";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** The signed-in user, or null. The jwt callback has already refused revoked sessions. */
export async function currentUser(): Promise<SessionUser | null> {
  // Reading the session makes a page per-request; say so before next-auth reads its options.
  await connection();
  const session = await getServerSession(authOptions);
  return session?.user?.id ? session.user : null;
}

/** For actions and route handlers: the user, or an UnauthorizedError (401). */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new UnauthorizedError();
  return user;
}

/** For pages: the user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import {
  getInvitationPreview,
  type InvitationStatus,
  listMyTrainers,
  previousQuizSharing,
} from "@/lib/data/trainer/links";
import { NotFoundError } from "@/lib/errors";
import { invitationCode } from "@/lib/validations/trainer";

export type InvitationView =
  | { kind: "invalid" }
  | { kind: "already-linked"; trainerName: string; code: string; groupName: string | null }
  | { kind: "closed"; trainerName: string; status: Exclude<InvitationStatus, "active"> }
  | {
      kind: "open";
      trainerName: string;
      /** The group a named link puts those who accept in. */
      groupName: string | null;
      code: string;
      expiresAt: Date;
      ownLink: boolean;
      /** Pre-ticked unless a returning client had turned sharing off. */
      shareQuizAnswers: boolean;
    };

/** What this visitor can do with the link: nothing (unknown or closed), nothing more (linked), or join. */
export async function invitationForVisitor(code: string, user: SessionUser | null): Promise<InvitationView> {
  const parsed = invitationCode.safeParse(code);
  if (!parsed.success) return { kind: "invalid" };
  let preview: Awaited<ReturnType<typeof getInvitationPreview>>;
  try {
    preview = await getInvitationPreview(parsed.data, new Date());
  } catch (error) {
    if (error instanceof NotFoundError) return { kind: "invalid" };
    throw error;
  }
  const { trainerName, status } = preview;
  // A learner reopening the link they accepted (often used up by then) is told they are in.
  if (user?.role === "learner") {
    const trainers = await listMyTrainers(user.id);
    if (trainers.some((t) => t.trainerId === preview.trainerId))
      return {
        kind: "already-linked",
        trainerName,
        code: parsed.data,
        // A named link still open lets a linked client join its group.
        groupName: status === "active" ? preview.groupName : null,
      };
  }
  if (status !== "active") return { kind: "closed", trainerName, status };
  return {
    kind: "open",
    trainerName,
    groupName: preview.groupName,
    code: parsed.data,
    expiresAt: preview.expiresAt,
    ownLink: user?.id === preview.trainerId,
    shareQuizAnswers:
      user?.role === "learner" ? ((await previousQuizSharing(user.id, preview.trainerId)) ?? true) : true,
  };
}

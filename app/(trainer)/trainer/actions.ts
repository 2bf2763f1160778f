"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { earliestDueDate } from "@/app/ui/assignment-words";
import { type FieldErrors, type FormState, failure, fieldErrors } from "@/app/ui/form-state";
import { requireUser } from "@/lib/auth/session";
import { requireTrainer } from "@/lib/data/trainer/access";
import {
  assignDeck,
  clientsWithDeck,
  createInvitation,
  removeClient,
  revokeInvitation,
  unassignDeck,
} from "@/lib/data/trainer/links";
import { assertFormData } from "@/lib/validations/form-data";
import { assignmentSchema, invitationSchema } from "@/lib/validations/trainer";

const INVITATIONS = "/trainer/invitations";
const ASSIGN = "/trainer/clients/assign";

const rowId = z.string().min(1, "Missing id.").max(100);

/** What was typed, sent back with an error so the form shows it again instead of its defaults. */
export interface InvitationValues {
  maxUses: string;
  expiresInDays: string;
  groupName: string;
}

export type InvitationState =
  | { ok: true; message: string; code: string; groupName: string | null }
  | { ok: false; message: string; errors: FieldErrors; values?: InvitationValues }
  | null;

async function actingTrainer(): Promise<string> {
  return requireTrainer(await requireUser());
}

export async function createInvitationAction(
  _previous: InvitationState,
  formData: FormData,
): Promise<InvitationState> {
  let code: string;
  let groupName: string | null;
  try {
    const trainerId = await actingTrainer();
    assertFormData(formData);
    const values = {
      maxUses: String(formData.get("maxUses") ?? "").slice(0, 20),
      expiresInDays: String(formData.get("expiresInDays") ?? "").slice(0, 20),
      groupName: String(formData.get("groupName") ?? "").slice(0, 100),
    };
    const parsed = invitationSchema.safeParse({
      maxUses: formData.get("maxUses"),
      expiresInDays: formData.get("expiresInDays") || undefined,
      groupName: typeof formData.get("groupName") === "string" ? formData.get("groupName") : undefined,
    });
    if (!parsed.success) {
      return {
        ok: false,
        message: "Please fix the highlighted fields.",
        errors: fieldErrors(parsed.error.issues),
        values,
      };
    }
    ({ code, groupName } = await createInvitation(trainerId, parsed.data, new Date()));
  } catch (error) {
    return failure(error, "trainer/invitations");
  }
  revalidatePath(INVITATIONS);
  const joins = groupName ? ` Those who accept join ${groupName}.` : "";
  return {
    ok: true,
    message: `Your invitation link is ready. Copy it and send it to your clients.${joins}`,
    code,
    groupName,
  };
}

export async function revokeInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const trainerId = await actingTrainer();
    assertFormData(formData);
    const id = rowId.safeParse(formData.get("invitationId"));
    if (!id.success) return { ok: false, message: "This invitation does not exist.", errors: {} };
    await revokeInvitation(trainerId, id.data, new Date());
  } catch (error) {
    return failure(error, "trainer/invitations");
  }
  revalidatePath(INVITATIONS);
  return { ok: true, message: "Link revoked. Nobody else can join with it." };
}

/** "" means "not given" for the optional fields; the recall goal is typed in percent, stored 0–1. */
function assignmentInput(formData: FormData) {
  const optional = (name: string) => {
    const value = String(formData.get(name) ?? "").trim();
    return value === "" ? undefined : value;
  };
  const goal = optional("goal");
  const recallPercent = goal === "recall" ? optional("targetRecall") : undefined;
  return {
    clientIds: formData.getAll("clientIds").map(String),
    deckSlug: String(formData.get("deckSlug") ?? ""),
    // A calendar date (YYYY-MM-DD) is kept as midnight UTC and always shown in UTC.
    dueAt: optional("dueAt"),
    goal,
    targetRecall: recallPercent === undefined ? undefined : Number(recallPercent) / 100,
    quizTarget: optional("quizTarget"),
    message: formData.has("message") ? String(formData.get("message") ?? "") : undefined,
  };
}

export async function assignDeckAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let count: number;
  let replaced: string[];
  try {
    const trainerId = await actingTrainer();
    assertFormData(formData);
    const parsed = assignmentSchema.safeParse(assignmentInput(formData));
    if (!parsed.success) {
      return {
        ok: false,
        message: "Please fix the highlighted fields.",
        errors: fieldErrors(parsed.error.issues),
      };
    }
    const now = new Date();
    const timeZone = String(formData.get("timeZone") ?? "").slice(0, 100);
    if (parsed.data.dueAt && parsed.data.dueAt.toISOString().slice(0, 10) < earliestDueDate(now, timeZone)) {
      return {
        ok: false,
        message: "Please fix the highlighted fields.",
        errors: { dueAt: ["This date has passed. Choose today or a later day."] },
      };
    }
    replaced = await clientsWithDeck(trainerId, parsed.data.clientIds, parsed.data.deckSlug);
    count = await assignDeck(trainerId, parsed.data, now);
  } catch (error) {
    return failure(error, "trainer/assign");
  }
  revalidatePath(ASSIGN);
  const assigned = `Deck assigned to ${count} ${count === 1 ? "client" : "clients"}.`;
  if (replaced.length === 0) return { ok: true, message: assigned };
  return {
    ok: true,
    message: `${assigned} ${listNames(replaced)} already had it: the new due date and goal replaced the earlier ones.`,
  };
}

function listNames(names: string[]): string {
  if (names.length <= 3) return names.join(names.length === 2 ? " and " : ", ");
  return `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
}

export async function unassignDeckAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let assignmentId: string;
  try {
    const trainerId = await actingTrainer();
    assertFormData(formData);
    const id = rowId.safeParse(formData.get("assignmentId"));
    if (!id.success) return { ok: false, message: "This assignment does not exist.", errors: {} };
    await unassignDeck(trainerId, id.data, new Date());
    assignmentId = id.data;
  } catch (error) {
    return failure(error, "trainer/assign");
  }
  revalidatePath(ASSIGN);
  // The row disappears with its button, so the page confirms it by name and takes the focus.
  redirect(`${ASSIGN}?unassigned=${encodeURIComponent(assignmentId)}`);
}

export async function removeClientAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const trainerId = await actingTrainer();
    assertFormData(formData);
    const id = rowId.safeParse(formData.get("clientId"));
    if (!id.success) return { ok: false, message: "This client is not linked to you.", errors: {} };
    await removeClient(trainerId, id.data, new Date());
  } catch (error) {
    return failure(error, "trainer/assign");
  }
  revalidatePath(ASSIGN);
  // The client's row disappears with the button, so the confirmation is shown by the page.
  redirect(`${ASSIGN}?removed=1`);
}

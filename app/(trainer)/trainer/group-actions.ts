"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type FormState, failure, fieldErrors } from "@/app/ui/form-state";
import { requireUser } from "@/lib/auth/session";
import { requireTrainer } from "@/lib/data/trainer/access";
import { bulkRemind, bulkUnassign, editAssignment } from "@/lib/data/trainer/bulk";
import { moveClients, resolveSelection } from "@/lib/data/trainer/groups";
import { addNote, deleteNote } from "@/lib/data/trainer/notes";
import { assertFormData } from "@/lib/validations/form-data";
import {
  assignmentEditSchema,
  moveClientsSchema,
  noteSchema,
  reminderSchema,
  selectionSchema,
} from "@/lib/validations/trainer";

/**
 * Server actions for groups, bulk actions, in-place assignment edits and private notes. Each one
 * checks the session and that the acting user is a trainer, parses its form with zod, and leaves
 * ownership to the data layer (another trainer's client, group or assignment is "not found").
 */

async function actingTrainer(): Promise<string> {
  return requireTrainer(await requireUser());
}

const invalid = (issues: z.core.$ZodIssue[]): FormState => ({
  ok: false,
  message: issues[0]?.message ?? "Please fix the highlighted fields.",
  errors: fieldErrors(issues),
});

const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

/** The selection a bulk form sends: ticked clientIds, or target=group with the group's id. */
function selectionOf(formData: FormData) {
  const whole = formData.get("target") === "group";
  const groupId = String(formData.get("groupId") ?? "");
  return selectionSchema.safeParse(
    whole
      ? { clientIds: [], groupId: groupId || undefined }
      : { clientIds: formData.getAll("clientIds").map(String) },
  );
}

const bulkIntent = z.enum(["remind", "unassign", "move"], { error: "Choose what to do." });

/** Remind, unassign a deck from, or move to a group: the ticked clients or a whole group. */
export async function bulkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let message: string;
  try {
    const trainerId = await actingTrainer();
    assertFormData(formData);
    const intent = bulkIntent.safeParse(formData.get("intent"));
    if (!intent.success) return invalid(intent.error.issues);
    const selection = selectionOf(formData);
    if (!selection.success) return invalid(selection.error.issues);
    const now = new Date();
    if (intent.data === "remind") {
      const note = reminderSchema.safeParse(String(formData.get("note") ?? ""));
      if (!note.success) return invalid(note.error.issues);
      const sent = await bulkRemind(trainerId, selection.data, note.data, now);
      message = `Reminder sent to ${plural(sent.length, "client")}. They see it on their dashboard.`;
    } else if (intent.data === "unassign") {
      const deck = z
        .string()
        .min(1, "Choose a deck to unassign.")
        .max(100)
        .safeParse(formData.get("deckSlug") ?? "");
      if (!deck.success) return invalid(deck.error.issues);
      const count = await bulkUnassign(trainerId, selection.data, deck.data, now);
      message =
        count === 0
          ? "None of them had this deck from you: nothing changed."
          : `Deck unassigned from ${plural(count, "client")}. They keep their progress.`;
    } else {
      const ids = await resolveSelection(trainerId, selection.data);
      const move = moveClientsSchema.safeParse({
        clientIds: ids,
        groupId: String(formData.get("moveTo") ?? ""),
      });
      if (!move.success) return invalid(move.error.issues);
      const count = await moveClients(trainerId, move.data.clientIds, move.data.groupId || null);
      message = move.data.groupId
        ? `${plural(count, "client")} moved to the group.`
        : `${plural(count, "client")} taken out of their group.`;
    }
  } catch (error) {
    return failure(error, "trainer/bulk");
  }
  revalidatePath("/trainer");
  return { ok: true, message };
}

/** "" means none for the optional fields; the recall goal is typed in percent. */
function editInput(formData: FormData) {
  const text = (name: string) => String(formData.get(name) ?? "").trim();
  const goal = text("goal");
  return {
    assignmentId: text("assignmentId"),
    dueAt: text("dueAt") === "" ? null : text("dueAt"),
    goal,
    targetRecall:
      goal === "recall" && text("targetRecall") !== "" ? Number(text("targetRecall")) / 100 : null,
    message: String(formData.get("message") ?? ""),
  };
}

/** Changes an assignment's due date, goal and message in place; the client is told of a changed date or goal. */
export async function editAssignmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let changed: boolean;
  try {
    const trainerId = await actingTrainer();
    assertFormData(formData);
    const parsed = assignmentEditSchema.safeParse(editInput(formData));
    if (!parsed.success) return invalid(parsed.error.issues);
    ({ changed } = await editAssignment(trainerId, parsed.data, new Date()));
  } catch (error) {
    return failure(error, "trainer/edit-assignment");
  }
  revalidatePath("/trainer");
  return {
    ok: true,
    message: changed ? "Saved. Your client sees a note about the change on their dashboard." : "Saved.",
  };
}

const clientId = z.string().min(1, "This client is not linked to you.").max(100);

export async function addNoteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const trainerId = await actingTrainer();
    assertFormData(formData);
    const client = clientId.safeParse(formData.get("clientId"));
    if (!client.success) return invalid(client.error.issues);
    const body = noteSchema.safeParse(formData.get("body") ?? "");
    if (!body.success) return invalid(body.error.issues.map((i) => ({ ...i, path: ["body"] })));
    await addNote(trainerId, client.data, body.data, new Date());
    revalidatePath(`/trainer/clients/${client.data}`);
  } catch (error) {
    return failure(error, "trainer/notes");
  }
  return { ok: true, message: "Note saved. Only you can see it." };
}

export async function deleteNoteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const trainerId = await actingTrainer();
    assertFormData(formData);
    const note = z.string().min(1, "This note does not exist.").max(100).safeParse(formData.get("noteId"));
    if (!note.success) return invalid(note.error.issues);
    await deleteNote(trainerId, note.data);
    const client = clientId.safeParse(formData.get("clientId"));
    if (client.success) revalidatePath(`/trainer/clients/${client.data}`);
  } catch (error) {
    return failure(error, "trainer/notes");
  }
  return { ok: true, message: "Note deleted." };
}

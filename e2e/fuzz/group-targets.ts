import fc from "fast-check";
import { actionTarget, calls } from "./action-targets";
import { type FormEntries, formOf, formValue, maybe, someId, unknownId } from "./arbitraries";
import { actor, LEARNERS, SIGNED_OUT } from "./target";
import type { World } from "./world";

/**
 * Issue 19's trainer actions (groups, bulk actions, in-place edits, notes) and the client's
 * dismissal of a trainer's message: inputs that must all be refused. The world has no groups,
 * notes or messages, so any id of one is "not found"; a trainer acting on the other trainer's
 * clients or assignments is "not found" too; learners and signed-out callers are refused whatever
 * they send. A trainer's own client (t: a, t2: b) is never offered, since acting on it succeeds.
 */

const others = (world: World, own: string) =>
  Object.values(world.users)
    .map((account) => account.id)
    .filter((id) => id !== own);

function trainerForms(
  world: World,
  form: (notYours: string[], trainer: "t" | "t2") => fc.Arbitrary<FormEntries>,
) {
  const { a, b } = world.users;
  return fc.oneof(
    calls(
      actor(world, [...LEARNERS, ...SIGNED_OUT]),
      form(
        Object.values(world.users).map((u) => u.id),
        "t",
      ),
    ),
    calls(actor(world, ["t"]), form(others(world, a.id), "t")),
    calls(actor(world, ["t2"]), form(others(world, b.id), "t2")),
  );
}

const intent = fc.oneof(fc.constantFrom("remind", "unassign", "move"), formValue);

function bulkInputs(world: World) {
  return trainerForms(world, (notYours) =>
    fc.oneof(
      formOf({
        intent,
        clientIds: fc.array(someId(notYours), { minLength: 1, maxLength: 3 }).map((ids) => ids as string[]),
        note: maybe(formValue),
        deckSlug: maybe(fc.oneof(fc.constantFrom(...world.decks), formValue)),
        moveTo: maybe(fc.oneof(unknownId, fc.constant(""))),
      }),
      // A whole group: no group exists, so every id is someone else's or nobody's.
      formOf({
        intent,
        target: fc.constant("group"),
        groupId: maybe(unknownId),
        note: maybe(formValue),
        deckSlug: maybe(fc.constantFrom(...world.decks)),
      }),
    ),
  );
}

function editAssignmentInputs(world: World) {
  const { tActive, tRemoved, t2Active } = world.assignments;
  return trainerForms(world, (_ids, trainer) =>
    formOf({
      assignmentId: maybe(
        someId(trainer === "t" ? [t2Active, tRemoved] : [tActive, tRemoved]).filter(
          (id) => id !== (trainer === "t" ? tActive : t2Active),
        ),
      ),
      dueAt: maybe(fc.oneof(fc.constant(""), fc.constant("2031-05-01"), formValue)),
      goal: maybe(fc.oneof(fc.constantFrom("all-introduced", "recall"), formValue)),
      targetRecall: maybe(formValue),
      message: maybe(formValue),
    }),
  );
}

function addNoteInputs(world: World) {
  return trainerForms(world, (notYours) =>
    formOf({ clientId: maybe(someId(notYours)), body: maybe(fc.oneof(fc.constant("A note."), formValue)) }),
  );
}

function deleteNoteInputs(world: World) {
  return trainerForms(world, () => formOf({ noteId: maybe(unknownId), clientId: maybe(formValue) }));
}

function dismissMessageInputs(world: World) {
  return calls(
    actor(world, [...LEARNERS, ...SIGNED_OUT, "t", "t2"]),
    formOf({ messageId: maybe(fc.oneof(unknownId, formValue)) }),
  );
}

export const GROUP_TARGETS = [
  actionTarget("bulkAction", bulkInputs),
  actionTarget("editAssignmentAction", editAssignmentInputs),
  actionTarget("addNoteAction", addNoteInputs),
  actionTarget("deleteNoteAction", deleteNoteInputs),
  actionTarget("dismissMessageAction", dismissMessageInputs),
];

import { createHash } from "node:crypto";
import fc from "fast-check";
import { callAction } from "./actions";
import {
  breakSome,
  type FileValue,
  type FormEntries,
  type FormValue,
  fileValue,
  formOf,
  formValue,
  hugeString,
  isTimeZone,
  maybe,
  notWholeIn,
  replyValue,
  roughBytes,
  someId,
  text,
  toFormData,
  unknownId,
  wholeIn,
} from "./arbitraries";
import {
  type Actor,
  type ActorName,
  actor,
  type FuzzTarget,
  judgeFormError,
  LEARNERS,
  labelAction,
  SIGNED_IN,
  SIGNED_OUT,
  TRAINERS,
} from "./target";
import type { Account, World } from "./world";

/**
 * Every server action, each with inputs that must all be refused: a signed-out caller, the wrong
 * role, at least one bad field, someone else's object, or no form at all.
 */

export interface ActionInput {
  actor: Actor;
  args: unknown[];
}

/** The form argument, turned into FormData when sent (a plain value prints well in a failure). */
export class FormArg {
  constructor(readonly entries: FormEntries) {}
}

/**
 * Next refuses bodies over 6 MB before the action runs (docs/reliability.md, "Bad input"); inputs
 * stay under 900 KB, except the card import's, whose files go up to just over its 5 MB limit.
 */
const BODY_LIMIT = 900_000;
const UPLOAD_BODY_LIMIT = 6_000_000;

export function actionTarget(
  name: string,
  inputs: (world: World) => fc.Arbitrary<ActionInput>,
  options: { redirectsTo?: string; bodyLimit?: number } = {},
): FuzzTarget<ActionInput> {
  const limit = options.bodyLimit ?? BODY_LIMIT;
  return {
    name,
    covers: `action:${name}`,
    inputs: (world) => inputs(world).filter((input) => roughBytes(input.args) < limit),
    async send(world, input) {
      const action = world.actions.get(name);
      if (!action) throw new Error(`No server action ${name} in the build`);
      const args = input.args.map((arg) => (arg instanceof FormArg ? toFormData(arg.entries) : arg));
      return callAction(world.baseURL, action, args, { cookie: input.actor.cookie });
    },
    judge(_input, outcome) {
      if (!options.redirectsTo) return judgeFormError(outcome);
      const label = labelAction(outcome);
      return label === `redirect ${options.redirectsTo}` ? undefined : `expected a redirect, got ${label}`;
    },
    label: labelAction,
  };
}

/** `(previousState, formData)` as useActionState calls an action; sometimes no form at all. */
function formArgs(form: fc.Arbitrary<FormEntries>): fc.Arbitrary<unknown[]> {
  return fc.oneof(
    {
      weight: 16,
      arbitrary: fc.tuple(replyValue, form).map(([previous, entries]) => [previous, new FormArg(entries)]),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(replyValue, form, fc.array(replyValue, { minLength: 1, maxLength: 2 }))
        .map(([previous, entries, extra]) => [previous, new FormArg(entries), ...extra]),
    },
    { weight: 3, arbitrary: fc.array(replyValue, { maxLength: 3 }) },
  );
}

export const calls = (who: fc.Arbitrary<Actor>, form: fc.Arbitrary<FormEntries>) =>
  fc.record({ actor: who, args: formArgs(form) });

/** Any form at all, for callers who must be refused whatever they send. */
export const anyForm = (names: string[]) =>
  formOf(Object.fromEntries(names.map((name) => [name, maybe(formValue)])));

const user = (world: World, name: Exclude<ActorName, "anonymous" | "forged">): Account => world.users[name];

/** Per signed-in caller, a form that is wrong for that caller. */
function perCaller(
  world: World,
  names: readonly (typeof SIGNED_IN)[number][],
  form: (caller: Account, name: (typeof SIGNED_IN)[number]) => fc.Arbitrary<FormEntries>,
): fc.Arbitrary<ActionInput> {
  return fc.oneof(...names.map((name) => calls(actor(world, [name]), form(user(world, name), name))));
}

// --- sign-up -------------------------------------------------------------------------------------

function signUpInputs(world: World) {
  const taken = Object.values(world.users).map((account) => account.email);
  const form = breakSome<Record<string, FormValue | undefined>>(
    {
      name: fc.string({ minLength: 1, maxLength: 60 }).filter((name) => name.trim() !== ""),
      email: fc.uuid().map((id) => `fuzz-new-${id}@example.com`),
      password: fc.string({ minLength: 8, maxLength: 100 }),
      role: fc.constantFrom("learner", "trainer"),
    },
    {
      name: fc.oneof(
        fc.constant(undefined),
        fc.constantFrom("", " ", "\t\n"),
        fc.string({ minLength: 81, maxLength: 200 }).filter((name) => name.trim().length > 80),
        hugeString,
        fileValue,
      ),
      email: fc.oneof(
        fc.constant(undefined),
        text.filter((email) => !email.includes("@")),
        fc.constantFrom(
          "a@",
          "@example.com",
          "a@@example.com",
          "a b@example.com",
          `${"a".repeat(250)}@example.com`,
        ),
        // Taken, in another case or with spaces: the schema normalizes it to an existing account.
        fc.constantFrom(...taken).chain((email) => fc.constantFrom(email, email.toUpperCase(), ` ${email} `)),
        fileValue,
      ),
      password: fc.oneof(
        fc.constant(undefined),
        fc.string({ maxLength: 7 }),
        fc.string({ minLength: 129, maxLength: 300 }),
        fileValue,
      ),
      role: fc.oneof(
        fc.constant(undefined),
        text.filter((role) => role !== "learner" && role !== "trainer"),
        fc.constantFrom("Learner", "admin", "trainer "),
        fileValue,
      ),
    },
  ).chain((fields) => formOf({ ...mapValues(fields, fc.constant), timeZone: maybe(formValue) }));
  return calls(actor(world, [...SIGNED_IN, ...SIGNED_OUT]), form);
}

function mapValues<V, W>(record: Record<string, V>, f: (value: V) => W): Record<string, W> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value)]));
}

// --- account -------------------------------------------------------------------------------------

const badNewPassword = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 7 }),
  fc.string({ minLength: 129, maxLength: 300 }),
  hugeString,
  fileValue,
);

function changePasswordInputs(world: World) {
  const wrong = (caller: Account) => maybe(formValue).filter((value) => value !== caller.password);
  return fc.oneof(
    calls(actor(world, SIGNED_OUT), anyForm(["currentPassword", "newPassword"])),
    perCaller(world, SIGNED_IN, (caller) =>
      fc.oneof(
        formOf({ currentPassword: wrong(caller), newPassword: maybe(formValue) }),
        formOf({ currentPassword: fc.constant(caller.password), newPassword: badNewPassword }),
      ),
    ),
  );
}

function deleteAccountInputs(world: World) {
  const notDelete = maybe(formValue).filter((value) => value !== "delete");
  return fc.oneof(
    calls(actor(world, SIGNED_OUT), anyForm(["confirm", "password"])),
    perCaller(world, SIGNED_IN, (caller) =>
      fc.oneof(
        formOf({ confirm: notDelete, password: fc.oneof(maybe(formValue), fc.constant(caller.password)) }),
        formOf({
          confirm: fc.constant("delete"),
          password: maybe(formValue).filter((value) => value !== caller.password),
        }),
      ),
    ),
  );
}

/** Takes no input: only a caller without a valid session can be refused. */
function signOutEverywhereInputs(world: World) {
  return fc.record({ actor: actor(world, SIGNED_OUT), args: fc.array(replyValue, { maxLength: 3 }) });
}

// --- settings ------------------------------------------------------------------------------------

const step = fc
  .tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom("m", "h", "d"))
  .map(([n, unit]) => `${n}${unit}`);
const STEP = /^[1-9]\d*[mhd]$/;
const stepTokens = (value: string) => value.split(/[\s,]+/).filter(Boolean);

const badSteps = fc.oneof(
  fc.array(step, { minLength: 11, maxLength: 15 }).map((steps) => steps.join(" ")),
  fc
    .tuple(
      fc.array(step, { maxLength: 3 }),
      fc.constantFrom("0m", "5x", "m", "1.5h", "-1d", "01m", "5M", "10 s"),
    )
    .map(([steps, bad]) => [...steps, bad].join(",")),
  // No file here: a file can go missing on the way (see fileValue), and no steps at all is valid.
  text.filter((value) => stepTokens(value.trim()).some((token) => !STEP.test(token))),
);

/** Settings numbers: blank, not finite or out of range is wrong (the form's own reading). */
const notNumberIn = (min: number, max: number) =>
  fc.oneof(
    fc.constant(undefined),
    text.filter((value) => {
      const n = Number(value.trim());
      return value.trim() === "" || !Number.isFinite(n) || n < min || n > max;
    }),
    fileValue,
  );
const notSettingsWhole = (min: number, max: number) =>
  fc.oneof(fc.constant(undefined), notWholeIn(min, max), fileValue);

function saveSettingsInputs(world: World) {
  const fields = {
    desiredRetention: fc.integer({ min: 70, max: 97 }).map((n) => String(n / 100)),
    newPerDay: fc.integer({ min: 0, max: 9999 }).map(String),
    maxReviewsPerDay: fc.integer({ min: 0, max: 99_999 }).map(String),
    maximumInterval: fc.integer({ min: 1, max: 36_500 }).map(String),
    learningSteps: fc.array(step, { maxLength: 10 }).map((steps) => steps.join(" ")),
    relearningSteps: fc.array(step, { maxLength: 10 }).map((steps) => steps.join(", ")),
    timeZone: fc.constantFrom("UTC", "Europe/Berlin", "Asia/Tokyo"),
    dayRolloverHour: fc.integer({ min: 0, max: 23 }).map(String),
  };
  const bad = breakSome<Record<string, FormValue | undefined>>(fields, {
    desiredRetention: notNumberIn(0.7, 0.97),
    newPerDay: notSettingsWhole(0, 9999),
    maxReviewsPerDay: notSettingsWhole(0, 99_999),
    maximumInterval: notSettingsWhole(1, 36_500),
    learningSteps: badSteps,
    relearningSteps: badSteps,
    timeZone: fc.oneof(
      fc.constant(undefined),
      text.filter((zone) => !isTimeZone(zone.trim())),
      fileValue,
    ),
    dayRolloverHour: notSettingsWhole(0, 23),
  }).chain((values) => formOf({ ...mapValues(values, fc.constant), quizFeedsSchedule: maybe(formValue) }));
  return fc.oneof(
    calls(actor(world, SIGNED_OUT), anyForm([...Object.keys(fields), "quizFeedsSchedule"])),
    calls(actor(world, SIGNED_IN), bad),
  );
}

// --- leeches and the card browser ----------------------------------------------------------------

function saveLeechInputs(world: World) {
  const threshold = fc.integer({ min: 1, max: 100 }).map(String);
  const leechAction = fc.constantFrom("suspend", "tag");
  const bad = breakSome<Record<string, FormValue | undefined>>(
    { leechThreshold: threshold, leechAction },
    {
      leechThreshold: fc.oneof(fc.constant(undefined), notWholeIn(1, 100), fileValue),
      leechAction: fc.oneof(
        fc.constant(undefined),
        text.filter((value) => value !== "suspend" && value !== "tag"),
        fileValue,
      ),
    },
  ).chain((values) => formOf(mapValues(values, fc.constant)));
  return fc.oneof(
    calls(actor(world, SIGNED_OUT), anyForm(["leechThreshold", "leechAction"])),
    calls(actor(world, SIGNED_IN), bad),
  );
}

const MARK_OPS = ["suspend", "unsuspend", "bury", "unbury", "flag-0", "flag-1", "flag-2", "flag-3", "flag-4"];

function markCardsInputs(world: World) {
  const op = fc.constantFrom(...MARK_OPS);
  const badOp = fc.oneof(
    fc.constant(undefined),
    text.filter((value) => !MARK_OPS.includes(value)),
    fileValue,
  );
  return fc.oneof(
    calls(actor(world, SIGNED_OUT), anyForm(["cardId", "op"])),
    // Real cards, a wrong or missing operation.
    calls(actor(world, SIGNED_IN), formOf({ cardId: fc.constantFrom(...world.cards), op: badOp })),
    // A right operation on no card, or on cards nobody has.
    calls(
      actor(world, SIGNED_IN),
      formOf({ cardId: fc.oneof(fc.constant(undefined), unknownId, fileValue), op: maybe(op) }),
    ),
  );
}

// --- deck presets --------------------------------------------------------------------------------

const PRESET_FIELDS = [
  "presetId",
  "name",
  "newPerDay",
  "maxReviewsPerDay",
  "desiredRetention",
  "learningSteps",
  "relearningSteps",
];

function savePresetInputs(world: World) {
  const fields = {
    // Nobody owns a preset in the fuzz world: any id is someone else's or none.
    presetId: fc.constant(""),
    name: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/),
    newPerDay: fc.integer({ min: 0, max: 9999 }).map(String),
    maxReviewsPerDay: fc.integer({ min: 0, max: 99_999 }).map(String),
    desiredRetention: fc.integer({ min: 70, max: 97 }).map((n) => String(n / 100)),
    learningSteps: fc.constantFrom("1m 10m", "5m", ""),
    relearningSteps: fc.constantFrom("10m", ""),
  };
  const bad = breakSome<Record<string, FormValue | undefined>>(fields, {
    presetId: fc.oneof(
      unknownId.filter((id) => id.trim() !== "" && id.length <= 100),
      fileValue,
    ),
    name: fc.oneof(fc.constant(undefined), fc.constantFrom("", "  ", "Default", "x".repeat(61)), fileValue),
    newPerDay: fc.oneof(fc.constant(undefined), notWholeIn(0, 9999), fileValue),
    maxReviewsPerDay: fc.oneof(fc.constant(undefined), notWholeIn(0, 99_999), fileValue),
    desiredRetention: fc.oneof(fc.constant(undefined), fc.constantFrom("0.5", "1", "abc", ""), fileValue),
    learningSteps: fc.oneof(
      fc.constantFrom("1x", "0m", "m", "1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 11m"),
      fileValue,
    ),
    relearningSteps: fc.oneof(fc.constantFrom("10", "-1m", "abc"), fileValue),
  }).chain((values) => formOf(mapValues(values, fc.constant)));
  return fc.oneof(
    calls(actor(world, SIGNED_OUT), anyForm(PRESET_FIELDS)),
    calls(actor(world, SIGNED_IN), bad),
  );
}

function deletePresetInputs(world: World) {
  const presetId = maybe(fc.oneof(unknownId, fileValue));
  return calls(actor(world, [...SIGNED_OUT, ...SIGNED_IN]), formOf({ presetId }));
}

function choosePresetInputs(world: World) {
  const deckSlug = maybe(fc.oneof(someId(world.decks), fileValue));
  // No preset exists in the fuzz world: a named one is never the caller's.
  const presetId = fc.oneof(
    unknownId.filter((id) => id.trim() !== "" && id.length <= 100),
    fileValue,
  );
  return fc.oneof(
    calls(actor(world, SIGNED_OUT), formOf({ deckSlug, presetId: maybe(presetId) })),
    calls(actor(world, SIGNED_IN), formOf({ deckSlug, presetId })),
    calls(
      actor(world, SIGNED_IN),
      formOf({ deckSlug: maybe(fc.oneof(unknownId, fileValue)), presetId: maybe(fc.constant("")) }),
    ),
  );
}

// --- sharing -------------------------------------------------------------------------------------

/** A trainer id the caller is not linked to (a is linked to t, b to t2; trainers to nobody). */
function unlinkedTrainer(world: World, caller: (typeof SIGNED_IN)[number]) {
  const linked = caller === "a" ? world.users.t.id : caller === "b" ? world.users.t2.id : undefined;
  const ids = Object.values(world.users)
    .map((account) => account.id)
    .filter((id) => id !== linked);
  return maybe(fc.oneof(someId(ids), fileValue)).filter((value) => value !== linked);
}

function sharingInputs(world: World) {
  return fc.oneof(
    calls(actor(world, SIGNED_OUT), anyForm(["trainerId", "shareQuizAnswers"])),
    perCaller(world, SIGNED_IN, (_caller, name) =>
      formOf({ trainerId: unlinkedTrainer(world, name), shareQuizAnswers: maybe(formValue) }),
    ),
  );
}

// --- notifications (issue 19) --------------------------------------------------------------------

/** Marks the caller's own notifications read: only a caller without a valid session is refused. */
function markAllReadInputs(world: World) {
  return fc.record({ actor: actor(world, SIGNED_OUT), args: fc.array(replyValue, { maxLength: 3 }) });
}

function notificationSettingsInputs(world: World) {
  const names = ["email", "digest", "digestHour", "weeklySummary", "atRiskAlerts"];
  const box = maybe(formValue);
  return fc.oneof(
    calls(actor(world, SIGNED_OUT), anyForm(names)),
    calls(
      actor(world, SIGNED_IN),
      formOf({
        email: box,
        digest: box,
        weeklySummary: box,
        atRiskAlerts: box,
        digestHour: fc.oneof(fc.constant(undefined), notWholeIn(0, 23), fileValue),
      }),
    ),
  );
}

// --- invitations (the client's side) -------------------------------------------------------------

function acceptInvitationInputs(world: World) {
  const { tUsed, t2Used, t2Revoked } = world.invitations;
  const unknownCode = fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/);
  // a is linked to t, so t's link would be "already linked" (a success); likewise b and t2.
  const refusedCodes = { a: [t2Used.code, t2Revoked.code], b: [tUsed.code] };
  const codeFor = (known: string[]) =>
    maybe(fc.oneof(fc.constantFrom(...known), unknownCode, text, fileValue));
  const allCodes = [tUsed.code, t2Used.code, t2Revoked.code];
  return fc.oneof(
    calls(actor(world, SIGNED_OUT), formOf({ code: codeFor(allCodes), shareQuizAnswers: maybe(formValue) })),
    // Trainers cannot join a trainer, whatever the link.
    calls(actor(world, TRAINERS), formOf({ code: codeFor(allCodes), shareQuizAnswers: maybe(formValue) })),
    calls(actor(world, ["a"]), formOf({ code: codeFor(refusedCodes.a), shareQuizAnswers: maybe(formValue) })),
    calls(actor(world, ["b"]), formOf({ code: codeFor(refusedCodes.b), shareQuizAnswers: maybe(formValue) })),
  );
}

/** Stores nothing and always goes back to the dashboard, whoever calls and with whatever arguments. */
function declineInvitationInputs(world: World) {
  return fc.record({
    actor: actor(world, [...SIGNED_IN, ...SIGNED_OUT]),
    args: fc.array(replyValue, { maxLength: 3 }),
  });
}

// --- quizzes -------------------------------------------------------------------------------------

function startQuizInputs(world: World) {
  const bad = breakSome<Record<string, FormValue | undefined>>(
    {
      deck: fc.constantFrom(...world.decks),
      length: fc.constantFrom("5", "10", "20"),
      mode: fc.constantFrom("mixed", "evidence"),
    },
    {
      deck: fc.oneof(
        fc.constant(undefined),
        fc.oneof(text, unknownId).filter((deck) => !world.decks.includes(deck.trim())),
        fc.constantFrom(...world.decks).map((deck) => `${deck}-retired`),
        fileValue,
      ),
      length: fc.oneof(
        fc.constant(undefined),
        text.filter((length) => ![5, 10, 20].includes(Number(length))),
        fileValue,
      ),
      mode: fc.oneof(
        fc.constant(undefined),
        text.filter((mode) => mode !== "mixed" && mode !== "evidence"),
        fileValue,
      ),
    },
  ).chain((values) => formOf(mapValues(values, fc.constant)));
  return fc.oneof(
    calls(actor(world, SIGNED_OUT), anyForm(["deck", "length", "mode"])),
    calls(actor(world, SIGNED_IN), bad),
  );
}

/**
 * Quiz actions called with an attempt id (and more): others' attempts, unknown ids, any value.
 * `allowed` are the caller's own attempts the action would accept (or accept as a no-op); nothing
 * that stringifies to one of them is sent.
 */
function attemptArgs(
  world: World,
  refused: { a: string[]; b: string[] },
  allowed: { a: string[]; b: string[] },
  rest: fc.Arbitrary<unknown[]>,
) {
  const { aOpen, aFinished, aDiscarded, bOpen } = world.quizzes;
  const all = [aOpen.id, aFinished, aDiscarded, bOpen];
  const call = (names: readonly ActorName[], known: string[]) =>
    fc.record({
      actor: actor(world, names),
      args: fc.tuple(fc.oneof(someId(known), replyValue), rest).map(([id, more]) => [id, ...more]),
    });
  return fc
    .oneof(call(SIGNED_OUT, all), call(TRAINERS, all), call(["a"], refused.a), call(["b"], refused.b))
    .filter((input) => {
      const own = input.actor.name === "a" ? allowed.a : input.actor.name === "b" ? allowed.b : [];
      return !own.includes(safeString(input.args[0]));
    });
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return "";
  }
}

function finishQuizInputs(world: World) {
  const { aOpen, aFinished, aDiscarded, bOpen } = world.quizzes;
  // a's discarded attempt is refused ("was discarded"); a finished one would be a no-op success.
  return attemptArgs(
    world,
    { a: [bOpen, aDiscarded], b: [aOpen.id, aFinished, aDiscarded] },
    { a: [aOpen.id, aFinished], b: [bOpen] },
    fc.array(replyValue, { maxLength: 2 }),
  );
}

function discardQuizInputs(world: World) {
  const { aOpen, aFinished, aDiscarded, bOpen } = world.quizzes;
  // a's finished attempt is refused ("stays in your history"); a discarded one would be a no-op.
  return attemptArgs(
    world,
    { a: [bOpen, aFinished], b: [aOpen.id, aFinished, aDiscarded] },
    { a: [aOpen.id, aDiscarded], b: [bOpen] },
    fc.tuple(fc.oneof(fc.constantFrom(...world.decks), replyValue)).map((rest) => [...rest]),
  );
}

// --- trainers ------------------------------------------------------------------------------------

function createInvitationInputs(world: World) {
  const bad = breakSome<Record<string, FormValue | undefined>>(
    {
      maxUses: fc.integer({ min: 1, max: 500 }).map(String),
      expiresInDays: maybe(fc.oneof(fc.integer({ min: 1, max: 90 }).map(String), fc.constant(""))),
    },
    {
      // A missing or blank maxUses reads as 0; a blank or missing expiresInDays means the default
      // (valid), so it gets no file either (see fileValue).
      maxUses: fc.oneof(fc.constant(undefined), notWholeIn(1, 500), fileValue),
      expiresInDays: notWholeIn(1, 90).filter((days) => days !== ""),
    },
  ).chain((values) => formOf(mapValues(values, fc.constant)));
  return fc.oneof(
    calls(actor(world, [...LEARNERS, ...SIGNED_OUT]), anyForm(["maxUses", "expiresInDays"])),
    calls(actor(world, TRAINERS), bad),
  );
}

/** For trainer-only actions: learners and signed-out callers with anything, trainers with `own`. */
function trainerInputs(
  world: World,
  field: string,
  others: string[],
  notYours: { t: string[]; t2: string[] },
  exclude: { t: string[]; t2: string[] },
) {
  const id = (known: string[], excluded: string[]) =>
    maybe(fc.oneof(someId(known), fileValue)).filter((value) => !excluded.includes(value as string));
  return fc.oneof(
    calls(
      actor(world, [...LEARNERS, ...SIGNED_OUT]),
      formOf({ [field]: maybe(fc.oneof(someId(others), formValue)) }),
    ),
    calls(actor(world, ["t"]), formOf({ [field]: id(notYours.t, exclude.t) })),
    calls(actor(world, ["t2"]), formOf({ [field]: id(notYours.t2, exclude.t2) })),
  );
}

function revokeInvitationInputs(world: World) {
  const { tUsed, t2Used, t2Revoked, t2Active } = world.invitations;
  const all = [tUsed.id, t2Used.id, t2Revoked.id, t2Active.id];
  // Revoking one's own link again is a no-op success, so trainers get only the other's links.
  return trainerInputs(
    world,
    "invitationId",
    all,
    { t: [t2Used.id, t2Revoked.id, t2Active.id], t2: [tUsed.id] },
    { t: [tUsed.id], t2: [t2Used.id, t2Revoked.id, t2Active.id] },
  );
}

function unassignDeckInputs(world: World) {
  const { tActive, tRemoved, t2Active } = world.assignments;
  return trainerInputs(
    world,
    "assignmentId",
    [tActive, tRemoved, t2Active],
    { t: [t2Active, tRemoved], t2: [tActive, tRemoved] },
    { t: [tActive], t2: [t2Active] },
  );
}

function removeClientInputs(world: World) {
  const ids = Object.values(world.users).map((account) => account.id);
  const { a, b } = world.users;
  return trainerInputs(
    world,
    "clientId",
    ids,
    { t: ids.filter((id) => id !== a.id), t2: ids.filter((id) => id !== b.id) },
    { t: [a.id], t2: [b.id] },
  );
}

function assignDeckInputs(world: World) {
  const pastDate = fc
    .date({ min: new Date("2000-01-01"), max: new Date("2020-12-31"), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
  const futureDate = fc
    .date({ min: new Date("2030-01-01"), max: new Date("2035-12-31"), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
  const badDate = fc.oneof(
    pastDate,
    text.filter((value) => value.trim() !== "" && Number.isNaN(new Date(value.trim()).getTime())),
  );
  const goal = {
    valid: fc.oneof(
      fc.record({
        goal: fc.constant("all-introduced"),
        dueAt: maybe(futureDate),
        targetRecall: maybe(formValue),
      }),
      fc.record({
        goal: fc.constant("recall"),
        dueAt: futureDate,
        targetRecall: fc.integer({ min: 50, max: 99 }).map(String),
      }),
    ),
    invalid: fc.oneof(
      fc.record({
        goal: fc.oneof(
          fc.constant(undefined),
          text.filter((goal) => !["all-introduced", "recall"].includes(goal.trim())),
          fileValue,
        ),
        dueAt: maybe(futureDate),
        targetRecall: maybe(formValue),
      }),
      fc.record({
        goal: fc.constant("recall"),
        dueAt: fc.constant(undefined),
        targetRecall: fc.constant("80"),
      }),
      fc.record({ goal: fc.constant("recall"), dueAt: futureDate, targetRecall: fc.constant(undefined) }),
      fc.record({
        goal: fc.constant("recall"),
        dueAt: futureDate,
        targetRecall: text.filter((percent) => {
          const share = Number(percent.trim()) / 100;
          return percent.trim() !== "" && !(share >= 0.5 && share <= 0.99);
        }),
      }),
      fc.record({
        goal: fc.constantFrom("all-introduced", "recall"),
        dueAt: badDate,
        targetRecall: fc.constant("80"),
      }),
    ),
  };
  const ids = Object.values(world.users).map((account) => account.id);
  const forTrainer = (client: string) => {
    return breakSome<{
      clientIds: FormValue[];
      deckSlug: FormValue | undefined;
      goal: Record<string, FormValue | undefined>;
      quizTarget: FormValue | undefined;
    }>(
      {
        clientIds: fc.constant([client]),
        deckSlug: fc.constantFrom(...world.decks),
        goal: goal.valid,
        quizTarget: maybe(fc.integer({ min: 1, max: 100 }).map(String)),
      },
      {
        clientIds: fc.oneof(
          fc.constant([] as FormValue[]),
          fc
            .tuple(
              fc.array(someId(ids.filter((id) => id !== client)), {
                minLength: 1,
                maxLength: 3,
              }),
              fc.boolean(),
            )
            .map(([strangers, withClient]) => (withClient ? [client, ...strangers] : strangers)),
        ),
        deckSlug: fc.oneof(
          fc.constant(undefined),
          text.filter((deck) => !world.decks.includes(deck)),
          fileValue,
        ),
        goal: goal.invalid,
        quizTarget: text.filter((target) => target.trim() !== "" && !wholeIn(target.trim(), 1, 100)),
      },
    ).chain(({ clientIds, deckSlug, goal: g, quizTarget }) =>
      formOf({
        clientIds: fc.constant(clientIds),
        deckSlug: fc.constant(deckSlug),
        ...mapValues(g, fc.constant),
        quizTarget: fc.constant(quizTarget),
      }),
    );
  };
  return fc.oneof(
    calls(
      actor(world, [...LEARNERS, ...SIGNED_OUT]),
      anyForm(["clientIds", "deckSlug", "dueAt", "goal", "targetRecall", "quizTarget"]),
    ),
    calls(actor(world, ["t"]), forTrainer(world.users.a.id)),
    calls(actor(world, ["t2"]), forTrainer(world.users.b.id)),
  );
}

// --- FSRS parameters (settings, and a trainer's cohort sets) -------------------------------------

/** A set id from `known` (or unknown, or a file, or missing), never one of `allowed`. */
const setIdOf = (known: string[], allowed: string[]) =>
  maybe(fc.oneof(someId(known), fileValue)).filter(
    (value) => typeof value !== "string" || !allowed.includes(value),
  );

function switchParametersInputs(world: World) {
  const { aDiscarded, bProposal, tCohort, tCohortDiscarded, t2Cohort } = world.parameterSets;
  const all = [aDiscarded, bProposal, tCohort, tCohortDiscarded, t2Cohort];
  // "defaults" is always valid, and b's own proposal would be applied; a's discarded set is a conflict,
  // anyone else's set (and a cohort set, for anyone) is not found.
  const allowed = { a: ["defaults"], b: ["defaults", bProposal], t: ["defaults"], t2: ["defaults"] };
  return fc.oneof(
    calls(
      actor(world, SIGNED_OUT),
      formOf({
        setId: maybe(fc.oneof(someId(all), fc.constant("defaults"), formValue)),
        reschedule: maybe(formValue),
      }),
    ),
    perCaller(world, SIGNED_IN, (_caller, name) =>
      formOf({
        setId: setIdOf(all, allowed[name]),
        reschedule: maybe(fc.oneof(fc.constant("on"), formValue)),
      }),
    ),
  );
}

function discardParametersInputs(world: World) {
  const { aDiscarded, bProposal, tCohort, tCohortDiscarded, t2Cohort } = world.parameterSets;
  const all = [aDiscarded, bProposal, tCohort, tCohortDiscarded, t2Cohort];
  // Discarding one's own discarded set again is a no-op success; b's proposal would be discarded.
  const allowed = { a: [aDiscarded], b: [bProposal], t: [], t2: [] };
  return fc.oneof(
    calls(actor(world, SIGNED_OUT), formOf({ setId: maybe(fc.oneof(someId(all), formValue)) })),
    perCaller(world, SIGNED_IN, (_caller, name) => formOf({ setId: setIdOf(all, allowed[name]) })),
  );
}

/** "preview" (a read) and "apply" (a reschedule) are valid steps; any other step is refused. */
function rescheduleInputs(world: World) {
  return fc.oneof(
    calls(
      actor(world, SIGNED_OUT),
      formOf({ step: maybe(fc.oneof(fc.constantFrom("preview", "apply"), formValue)) }),
    ),
    calls(
      actor(world, SIGNED_IN),
      formOf({ step: maybe(formValue).filter((step) => step !== "preview" && step !== "apply") }),
    ),
  );
}

function applyCohortInputs(world: World) {
  const { aDiscarded, bProposal, tCohort, tCohortDiscarded, t2Cohort } = world.parameterSets;
  const all = [aDiscarded, bProposal, tCohort, tCohortDiscarded, t2Cohort];
  // t's discarded set is a conflict; the other trainer's sets and personal ones are not found.
  return trainerInputs(
    world,
    "setId",
    all,
    {
      t: [aDiscarded, bProposal, tCohortDiscarded, t2Cohort],
      t2: [aDiscarded, bProposal, tCohort, tCohortDiscarded],
    },
    { t: [tCohort], t2: [t2Cohort] },
  );
}

function discardCohortInputs(world: World) {
  const { aDiscarded, bProposal, tCohort, tCohortDiscarded, t2Cohort } = world.parameterSets;
  const all = [aDiscarded, bProposal, tCohort, tCohortDiscarded, t2Cohort];
  // Discarding t's discarded set again is a no-op success, so only the other trainer gets it.
  return trainerInputs(
    world,
    "setId",
    all,
    { t: [aDiscarded, bProposal, t2Cohort], t2: [aDiscarded, bProposal, tCohort, tCohortDiscarded] },
    { t: [tCohort, tCohortDiscarded], t2: [t2Cohort] },
  );
}

// --- personal decks ------------------------------------------------------------------------------

function deleteDeckInputs(world: World) {
  const bDeck = world.personalDecks.b;
  const slug = maybe(fc.oneof(someId([...world.decks, bDeck]), fileValue));
  const confirm = maybe(fc.oneof(fc.constant("on"), formValue));
  return fc.oneof(
    // Content decks and b's deck are "not found" for anyone but b (content decks for b too).
    calls(actor(world, [...SIGNED_OUT, "a", "t", "t2"]), formOf({ slug, confirm })),
    calls(
      actor(world, ["b"]),
      fc.oneof(
        formOf({
          slug: slug.filter((value) => typeof value !== "string" || value.trim() !== bDeck),
          confirm,
        }),
        formOf({ slug: fc.constant(bDeck), confirm: maybe(formValue).filter((value) => value !== "on") }),
      ),
    ),
  );
}

const DELIMITERS = ["auto", "comma", "semicolon", "tab"];
const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
const sha256 = (content: string) => createHash("sha256").update(content).digest("hex");
const word = fc.stringMatching(/^[a-z]{1,12}$/);
/** Cards that read without errors with the comma (and the detected) separator. */
const goodCsv = fc
  .array(fc.tuple(word, word), { minLength: 1, maxLength: 5 })
  .map((rows) => rows.map(([front, back]) => `${front},${back}`).join("\n"));
const csv = (content: string, extra: Partial<FileValue> = {}): FileValue => ({
  file: "cards.csv",
  type: "text/csv",
  content,
  ...extra,
});
/** A line with one field (no back, whatever the separator): the file has errors. */
const malformedCsv = fc
  .tuple(goodCsv, fc.oneof(word, fc.constant("x".repeat(2_001)), fc.constant("front")))
  .map(([cards, line]) => `${cards}\n${line}\n`);
/** The file field of an upload the schema or the reading refuses. */
const badUpload: fc.Arbitrary<FormValue | undefined> = fc.oneof(
  fc.constant(undefined),
  text,
  fc.constant(csv("")),
  // Over 5 MB.
  fc
    .integer({ min: IMPORT_MAX_BYTES + 1, max: IMPORT_MAX_BYTES + 100_000 })
    .map((bytes) => csv("a,b\n".repeat(Math.ceil(bytes / 4)))),
  // Not UTF-8, or with a NUL.
  goodCsv.map((cards) => csv(`${cards}\n\xff\xfe,x\n`, { latin1: true })),
  goodCsv.map((cards) => csv(`${cards}\n\0,x\n`)),
);
const goodDelimiter = maybe(fc.constantFrom(...DELIMITERS));
// No file here: a file can go missing on the way (see fileValue), and no delimiter means "auto".
const badDelimiter = text.filter((value) => !DELIMITERS.includes(value));
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);

function previewImportInputs(world: World) {
  const bad = breakSome<{ file: FormValue | undefined; delimiter: FormValue | undefined }>(
    { file: goodCsv.map((cards) => csv(cards)), delimiter: goodDelimiter },
    { file: badUpload, delimiter: badDelimiter },
  ).chain((values) => formOf(mapValues(values, fc.constant)));
  const good = fc
    .record({ file: goodCsv.map((cards) => csv(cards)), delimiter: goodDelimiter })
    .chain((values) => formOf(mapValues(values, fc.constant)));
  // Only signed-out callers may send a file that reads: a signed-in one would get its preview.
  return fc.oneof(calls(actor(world, SIGNED_OUT), fc.oneof(bad, good)), calls(actor(world, SIGNED_IN), bad));
}

/** A file whose reading stops at a cap (problem lines, cards): nothing of it may be imported, skipping or not. */
const stoppedCsv = fc.oneof(
  // Issue 13's file, shortened: one-character lines past the problem-line cap, then good cards.
  fc
    .tuple(fc.integer({ min: 100, max: 20_000 }), goodCsv)
    .map(([lines, cards]) => `${"a\n".repeat(lines)}${cards}\n`),
  // One card more than the card cap.
  fc
    .integer({ min: 5001, max: 5050 })
    .map((n) => Array.from({ length: n }, (_, i) => `Q${i},A${i}`).join("\n")),
  // An unclosed quote: the lines after it were never read.
  goodCsv.map((cards) => `${cards}\nQ,"open\n${cards}\n`),
);
/** "Import the good lines": only "on" asks for it. */
const badSkip = fc.oneof(
  text.filter((value) => value !== "on"),
  fileValue,
);

function confirmImportInputs(world: World) {
  const title = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,40}$/);
  type Fields = Record<"file" | "delimiter" | "title" | "digest" | "skipProblems", FormValue | undefined>;
  const broken = breakSome<Fields>(
    {
      file: goodCsv.map((cards) => csv(cards)),
      delimiter: goodDelimiter,
      title,
      digest: hex64,
      skipProblems: maybe(fc.constant("on")),
    },
    {
      file: badUpload,
      delimiter: badDelimiter,
      title: fc.oneof(
        fc.constant(undefined),
        fc.constantFrom("", "  ", "a\tb", "two\nlines", "\r"),
        fc.integer({ min: 101, max: 300 }).map((n) => "x".repeat(n)),
        fileValue,
      ),
      digest: fc.oneof(
        fc.constant(undefined),
        text.filter((digest) => !/^[0-9a-f]{64}$/.test(digest)),
        hex64.map((digest) => digest.toUpperCase()).filter((digest) => /[A-F]/.test(digest)),
        fileValue,
      ),
      skipProblems: badSkip,
    },
  );
  // Every field right but the digest, which is not the file's.
  const otherFile = goodCsv.chain((cards) =>
    fc.record({
      file: fc.constant<FormValue | undefined>(csv(cards)),
      delimiter: goodDelimiter,
      title,
      digest: hex64.filter((digest) => digest !== sha256(cards)),
      skipProblems: maybe(fc.constant("on")),
    }),
  );
  // The file previewed (its digest), but with problem lines and no request to skip them: nothing is imported.
  const withErrors = malformedCsv.chain((content) =>
    fc.record({
      file: fc.constant<FormValue | undefined>(csv(content)),
      delimiter: goodDelimiter,
      title,
      digest: fc.constant(sha256(content)),
      skipProblems: fc.constant(undefined),
    }),
  );
  // A file whose reading stopped at a cap: refused even when asked to skip the problem lines.
  const stopped = stoppedCsv.chain((content) =>
    fc.record({
      file: fc.constant<FormValue | undefined>(csv(content)),
      delimiter: fc.constantFrom(undefined, "auto", "comma"),
      title,
      digest: fc.constant(sha256(content)),
      skipProblems: maybe(fc.constant("on")),
    }),
  );
  const form = (fields: fc.Arbitrary<Fields>) =>
    fields.chain((values) => formOf(mapValues(values, fc.constant)));
  const bad = fc.oneof(form(broken), form(otherFile), form(withErrors), form(stopped));
  // A file that would import, with its digest: for signed-out callers only.
  const good = goodCsv.chain((cards) =>
    form(
      fc.record({
        file: fc.constant<FormValue | undefined>(csv(cards)),
        delimiter: goodDelimiter,
        title,
        digest: fc.constant(sha256(cards)),
        skipProblems: maybe(fc.constant("on")),
      }),
    ),
  );
  return fc.oneof(calls(actor(world, SIGNED_OUT), fc.oneof(bad, good)), calls(actor(world, SIGNED_IN), bad));
}

export const ACTION_TARGETS: FuzzTarget<ActionInput>[] = [
  actionTarget("signUpAction", signUpInputs),
  actionTarget("changePasswordAction", changePasswordInputs),
  actionTarget("deleteAccountAction", deleteAccountInputs),
  actionTarget("signOutEverywhereAction", signOutEverywhereInputs),
  actionTarget("saveSettingsAction", saveSettingsInputs),
  actionTarget("saveLeechAction", saveLeechInputs),
  actionTarget("markCardsAction", markCardsInputs),
  actionTarget("savePresetAction", savePresetInputs),
  actionTarget("deletePresetAction", deletePresetInputs),
  actionTarget("choosePresetAction", choosePresetInputs),
  actionTarget("setQuizSharingAction", sharingInputs),
  actionTarget("leaveTrainerAction", sharingInputs),
  actionTarget("markAllReadAction", markAllReadInputs),
  actionTarget("saveNotificationSettingsAction", notificationSettingsInputs),
  actionTarget("acceptInvitationAction", acceptInvitationInputs),
  actionTarget("declineInvitationAction", declineInvitationInputs, { redirectsTo: "/dashboard" }),
  actionTarget("startQuizAction", startQuizInputs),
  actionTarget("finishQuizAction", finishQuizInputs),
  actionTarget("discardQuizAction", discardQuizInputs),
  actionTarget("createInvitationAction", createInvitationInputs),
  actionTarget("revokeInvitationAction", revokeInvitationInputs),
  actionTarget("assignDeckAction", assignDeckInputs),
  actionTarget("unassignDeckAction", unassignDeckInputs),
  actionTarget("removeClientAction", removeClientInputs),
  actionTarget("switchParametersAction", switchParametersInputs),
  actionTarget("discardParametersAction", discardParametersInputs),
  actionTarget("rescheduleAction", rescheduleInputs),
  actionTarget("applyCohortAction", applyCohortInputs),
  actionTarget("discardCohortAction", discardCohortInputs),
  actionTarget("deleteDeckAction", deleteDeckInputs),
  actionTarget("previewImportAction", previewImportInputs, { bodyLimit: UPLOAD_BODY_LIMIT }),
  actionTarget("confirmImportAction", confirmImportInputs, { bodyLimit: UPLOAD_BODY_LIMIT }),
];

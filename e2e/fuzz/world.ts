import { createHash, randomUUID } from "node:crypto";
import type { Insertable } from "kysely";
import type { Database, DB } from "../../lib/query";
import { withDatabase } from "../server-database";
import { type ActionReply, actionReply, callAction, type ServerAction, serverActions } from "./actions";
import { csrf, signIn } from "./http";
import type { FuzzServer } from "./server";

/**
 * The people and objects the fuzzer aims at, made through the app's own endpoints (which also
 * proves that the action encoding works): two learners, two trainers, a learner whose session was
 * revoked, reviews, quizzes in every state, invitations and assignments. Ids the endpoints do not
 * return are read from the database. FSRS parameter sets and optimization jobs are written to the
 * database directly: a real fit needs 400 reviews and minutes of work (see `parameterObjects`).
 */

export interface Account {
  id: string;
  email: string;
  password: string;
  role: "learner" | "trainer";
  cookie: string;
}

export interface QuizItemInfo {
  id: string;
  kind: string;
  choices: string[];
}

export interface World {
  baseURL: string;
  databasePath: string;
  actions: Map<string, ServerAction>;
  /** a is linked to trainer t; b is linked to trainer t2; revoked signed out everywhere. */
  users: { a: Account; b: Account; t: Account; t2: Account; revoked: Account };
  decks: string[];
  cards: string[];
  quizItems: QuizItemInfo[];
  reviews: {
    /** a's card with two answers, and the older one's key (undo refuses it: not the latest). */
    aCard: string;
    aOlderKey: string;
    bKey: string;
  };
  /** Each signed-in user's card versions (absent: 0), for stale (409) review submits. */
  versions: Record<"a" | "b" | "t" | "t2", Map<string, number>>;
  /** A CSRF token and its cookie, for next-auth's POST endpoints. */
  csrf: { token: string; cookie: string };
  quizzes: {
    aOpen: { id: string; itemIds: string[]; answered: { itemId: string; choice: string } };
    aFinished: string;
    aDiscarded: string;
    bOpen: string;
  };
  invitations: {
    /** t's one-use link, used by a. */
    tUsed: { id: string; code: string };
    /** t2's one-use link, used by b. */
    t2Used: { id: string; code: string };
    t2Revoked: { id: string; code: string };
    /** Never handed to anyone: only its id is used (by the other trainer). */
    t2Active: { id: string };
  };
  assignments: { tActive: string; tRemoved: string; t2Active: string };
  /** b's personal deck, imported through the two import actions: "not found" for anyone else. */
  personalDecks: { b: string };
  /** b's uploaded document and one of its proposals (none accepted): "not found" for anyone else. */
  documents: { b: { id: string; itemId: string } };
  /** FSRS parameter sets: personal ones of a and b, cohort ones of t (on the deck t assigned to a) and t2. */
  parameterSets: {
    aDiscarded: string;
    bProposal: string;
    tCohort: string;
    tCohortDiscarded: string;
    t2Cohort: string;
  };
  /** b's (failed) optimization job: anyone else asking about it gets a 404. */
  jobs: { b: string };
}

/** b's document: claim sentences, so the engine proposes items from it. */
const B_DOCUMENT =
  "In a randomized controlled trial of 244 postmenopausal women, 180 µg of MK-7 daily for three years reduced the loss of bone mineral density.\n\nIn rats, MK-4 increased muscle mass compared with controls.\n";

/** The CSV of b's personal deck; its SHA-256 is the digest the confirm step needs. */
const B_DECK_CSV = "front,back,tags\nfuzz front one,fuzz back one,fuzz\nfuzz front two,fuzz back two,\n";

/**
 * Parameter sets and a job in the states the endpoints refuse or must not show to others. They are
 * inserted as rows: the endpoints that make them need 400 reviews and run a fit for minutes.
 */
async function parameterObjects(db: Database, users: World["users"], deck: string) {
  const now = new Date();
  const weights = JSON.stringify([
    0.21, 1.29, 2.31, 8.3, 6.41, 0.83, 3.01, 0.001, 1.87, 0.17, 0.8, 1.48, 0.06, 0.26, 1.65, 0.6, 1.87, 0.54,
    0.09, 0.07, 0.15,
  ]);
  const id = () => `fuzz${randomUUID().replaceAll("-", "")}`;
  const sets: Insertable<DB["FsrsParameterSet"]>[] = [];
  const set = (owner: Account, scope: "personal" | "cohort", version: number, discarded: boolean) => {
    const setId = id();
    sets.push({
      id: setId,
      ownerId: owner.id,
      scope,
      deckSlug: scope === "cohort" ? deck : null,
      version,
      weights,
      reviewCount: 500,
      cardCount: 40,
      createdAt: now,
      discardedAt: discarded ? now : null,
    });
    return setId;
  };
  const parameterSets = {
    aDiscarded: set(users.a, "personal", 1, true),
    bProposal: set(users.b, "personal", 1, false),
    tCohort: set(users.t, "cohort", 1, false),
    tCohortDiscarded: set(users.t, "cohort", 2, true),
    t2Cohort: set(users.t2, "cohort", 1, false),
  };
  const bJob = id();
  // One short transaction: the server holds the same database (BEGIN IMMEDIATE, as its writes).
  await db.transaction().execute(async (tx) => {
    await tx.insertInto("FsrsParameterSet").values(sets).execute();
    await tx
      .insertInto("OptimizationJob")
      .values({
        id: bJob,
        userId: users.b.id,
        scope: "personal",
        deckSlug: null,
        status: "failed",
        progress: 1,
        reviewCount: 500,
        error: "fuzz",
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  });
  return { parameterSets, jobs: { b: bJob } };
}

const PASSWORD_PREFIX = "fuzz-password-";

function expectReply(reply: ActionReply, kind: ActionReply["kind"], what: string): ActionReply {
  if (reply.kind !== kind) throw new Error(`${what}: expected ${kind}, got ${JSON.stringify(reply)}`);
  return reply;
}

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  }
  return data;
}

/** The world on this fuzz server, built through its endpoints and read from its database. */
export function buildWorld(
  server: Pick<FuzzServer, "baseURL" | "databaseUrl" | "databasePath">,
): Promise<World> {
  return withDatabase(server.databaseUrl, (db) => populate(db, server.baseURL, server.databasePath));
}

async function populate(db: Database, baseURL: string, databasePath: string): Promise<World> {
  const actions = serverActions();
  const action = (name: string) => {
    const found = actions.get(name);
    if (!found) throw new Error(`No server action ${name} in the build`);
    return found;
  };
  const call = async (name: string, args: unknown[], cookie?: string, params?: Record<string, string>) =>
    actionReply(await callAction(baseURL, action(name), args, { cookie, params }));

  async function account(label: string, role: Account["role"]): Promise<Account> {
    const email = `fuzz-${label}-${randomUUID().slice(0, 8)}@example.com`;
    const password = `${PASSWORD_PREFIX}${randomUUID()}`;
    const fields = { name: `Fuzz ${label}`, email, password, role, timeZone: "Europe/Berlin" };
    const reply = await call("signUpAction", [null, form(fields)]);
    if (reply.kind !== "returned" || (reply.value as { ok?: boolean }).ok !== true) {
      throw new Error(`Sign-up of ${label} failed: ${JSON.stringify(reply)}`);
    }
    const cookie = await signIn(baseURL, email, password);
    const { id } = await db
      .selectFrom("User")
      .select("id")
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    return { id, email, password, role, cookie };
  }

  const users = {
    a: await account("a", "learner"),
    b: await account("b", "learner"),
    t: await account("t", "trainer"),
    t2: await account("t2", "trainer"),
    revoked: await account("revoked", "learner"),
  };
  expectReply(
    await call("signOutEverywhereAction", [], users.revoked.cookie),
    "returned",
    "sign out everywhere",
  );

  const decks = (
    await db.selectFrom("Deck").select("slug").where("retired", "=", false).orderBy("position").execute()
  ).map((d) => d.slug);
  const cards = (
    await db.selectFrom("Card").select("id").where("retired", "=", false).orderBy("id").execute()
  ).map((c) => c.id);
  const deck = decks[0] ?? "";

  // Reviews: a answers one card twice (the first key is then not undoable), b answers once.
  const review = async (account: Account, cardId: string, expectedVersion: number) => {
    const key = randomUUID();
    const response = await fetch(`${baseURL}/api/reviews`, {
      method: "POST",
      headers: { cookie: account.cookie, "content-type": "application/json" },
      body: JSON.stringify({
        idempotencyKey: key,
        cardId,
        rating: 3,
        expectedVersion,
        answeredAt: Date.now(),
        durationMs: 1000,
      }),
    });
    if (response.status !== 200)
      throw new Error(`Review failed: ${response.status} ${await response.text()}`);
    return key;
  };
  const aCard = cards[0] ?? "";
  const aOlderKey = await review(users.a, aCard, 0);
  await review(users.a, aCard, 1);
  const bKey = await review(users.b, aCard, 0);

  // Quizzes: starting a quiz discards an open one on the same deck, so finish and discard first.
  const startQuiz = async (account: Account) => {
    const reply = expectReply(
      await call("startQuizAction", [null, form({ deck, length: "5", mode: "mixed" })], account.cookie, {
        slug: deck,
      }),
      "redirect",
      "start quiz",
    );
    const id = /^\/quiz\/([^/?]+)$/.exec(reply.kind === "redirect" ? reply.location : "")?.[1];
    if (!id) throw new Error(`start quiz: unexpected redirect ${JSON.stringify(reply)}`);
    return id;
  };
  const aFinished = await startQuiz(users.a);
  expectReply(await call("finishQuizAction", [aFinished], users.a.cookie), "redirect", "finish quiz");
  const aDiscarded = await startQuiz(users.a);
  expectReply(
    await call("discardQuizAction", [aDiscarded, deck], users.a.cookie),
    "redirect",
    "discard quiz",
  );
  const aOpenId = await startQuiz(users.a);
  const bOpen = await startQuiz(users.b);

  const quizItems = (
    await db
      .selectFrom("QuizItem")
      .select(["id", "kind", "choices"])
      .where("retired", "=", false)
      .orderBy("id")
      .execute()
  ).map((item) => ({ id: item.id, kind: item.kind, choices: JSON.parse(item.choices) as string[] }));
  const aOpenItems = JSON.parse(
    (await db.selectFrom("QuizAttempt").select("itemIds").where("id", "=", aOpenId).executeTakeFirstOrThrow())
      .itemIds,
  ) as string[];
  const firstChoiceItem = quizItems.find((item) => aOpenItems.includes(item.id) && item.kind !== "matching");
  if (!firstChoiceItem) throw new Error("The open quiz has no choice question");
  const answered = { itemId: firstChoiceItem.id, choice: firstChoiceItem.choices[0] ?? "" };
  const answer = await fetch(`${baseURL}/api/quiz/${aOpenId}/answers`, {
    method: "POST",
    headers: { cookie: users.a.cookie, "content-type": "application/json" },
    body: JSON.stringify({
      itemId: answered.itemId,
      response: { choice: answered.choice },
      durationMs: 1000,
    }),
  });
  if (answer.status !== 200) throw new Error(`Quiz answer failed: ${answer.status} ${await answer.text()}`);

  // Invitations and assignments.
  const invite = async (trainer: Account) => {
    const reply = expectReply(
      await call(
        "createInvitationAction",
        [null, form({ maxUses: "1", expiresInDays: "14" })],
        trainer.cookie,
      ),
      "returned",
      "create invitation",
    );
    const code = reply.kind === "returned" ? (reply.value as { code?: string }).code : undefined;
    if (!code) throw new Error(`create invitation: ${JSON.stringify(reply)}`);
    const { id } = await db
      .selectFrom("TrainerInvitation")
      .select("id")
      .where("code", "=", code)
      .executeTakeFirstOrThrow();
    return { id, code };
  };
  const accept = async (learner: Account, code: string) =>
    expectReply(
      await call("acceptInvitationAction", [null, form({ code, shareQuizAnswers: "yes" })], learner.cookie, {
        code,
      }),
      "redirect",
      "accept invitation",
    );
  const assign = async (trainer: Account, client: Account, deckSlug: string) => {
    const fields = { clientIds: client.id, deckSlug, goal: "all-introduced" };
    expectReply(
      await call("assignDeckAction", [null, form(fields)], trainer.cookie),
      "returned",
      "assign deck",
    );
    const { id } = await db
      .selectFrom("Assignment")
      .select("id")
      .where("trainerId", "=", trainer.id)
      .where("clientId", "=", client.id)
      .where("deckSlug", "=", deckSlug)
      .executeTakeFirstOrThrow();
    return id;
  };

  const tUsed = await invite(users.t);
  await accept(users.a, tUsed.code);
  const t2Used = await invite(users.t2);
  await accept(users.b, t2Used.code);
  const t2Revoked = await invite(users.t2);
  expectReply(
    await call("revokeInvitationAction", [null, form({ invitationId: t2Revoked.id })], users.t2.cookie),
    "returned",
    "revoke invitation",
  );
  const t2Active = await invite(users.t2);
  const tActive = await assign(users.t, users.a, deck);
  const tRemoved = await assign(users.t, users.a, decks[1] ?? deck);
  expectReply(
    await call("unassignDeckAction", [null, form({ assignmentId: tRemoved })], users.t.cookie),
    // Unassigning redirects to a page that confirms which deck was taken back (issue 16, item 13).
    "redirect",
    "unassign deck",
  );
  const t2Assignment = await assign(users.t2, users.b, deck);

  // b's personal deck, through the two import steps.
  const csvFile = () => {
    const data = new FormData();
    data.set("file", new File([B_DECK_CSV], "fuzz-deck.csv", { type: "text/csv" }));
    data.set("delimiter", "auto");
    return data;
  };
  const preview = expectReply(
    await call("previewImportAction", [null, csvFile()], users.b.cookie),
    "returned",
    "preview import",
  );
  const digest = createHash("sha256").update(B_DECK_CSV).digest("hex");
  if (
    preview.kind !== "returned" ||
    (preview.value as { preview?: { digest?: string } }).preview?.digest !== digest
  )
    throw new Error(`preview import: ${JSON.stringify(preview)}`);
  const confirm = csvFile();
  confirm.set("title", "Fuzz deck of b");
  confirm.set("digest", digest);
  const imported = expectReply(
    await call("confirmImportAction", [null, confirm], users.b.cookie),
    "redirect",
    "confirm import",
  );
  const bDeck = /^\/decks\/(p-[0-9a-f]+)$/.exec(imported.kind === "redirect" ? imported.location : "")?.[1];
  if (!bDeck) throw new Error(`confirm import: unexpected redirect ${JSON.stringify(imported)}`);

  // b's uploaded document with its proposals, none accepted (lib/authoring: a draft).
  const upload = new FormData();
  upload.set("title", "Fuzz document of b");
  upload.set("text", B_DOCUMENT);
  const uploaded = await fetch(`${baseURL}/api/documents`, {
    method: "POST",
    headers: { cookie: users.b.cookie },
    body: upload,
  });
  if (uploaded.status !== 201)
    throw new Error(`upload document: ${uploaded.status} ${await uploaded.text()}`);
  const bDocument = ((await uploaded.json()) as { id: string }).id;
  const bItem = await db
    .selectFrom("DraftItem")
    .select("id")
    .where("documentId", "=", bDocument)
    .limit(1)
    .executeTakeFirst();
  if (!bItem) throw new Error("upload document: no proposals");

  const versionsOf = async (account: Account) =>
    new Map(
      (
        await db
          .selectFrom("CardState")
          .select(["cardId", "version"])
          .where("userId", "=", account.id)
          .execute()
      ).map((row) => [row.cardId, row.version]),
    );
  const versions = {
    a: await versionsOf(users.a),
    b: await versionsOf(users.b),
    t: await versionsOf(users.t),
    t2: await versionsOf(users.t2),
  };
  const { parameterSets, jobs } = await parameterObjects(db, users, deck);

  return {
    baseURL,
    databasePath,
    actions,
    users,
    decks,
    cards,
    quizItems,
    reviews: { aCard, aOlderKey, bKey },
    versions,
    csrf: await csrf(baseURL),
    quizzes: {
      aOpen: { id: aOpenId, itemIds: aOpenItems, answered },
      aFinished,
      aDiscarded,
      bOpen,
    },
    invitations: { tUsed, t2Used, t2Revoked, t2Active: { id: t2Active.id } },
    assignments: { tActive, tRemoved, t2Active: t2Assignment },
    personalDecks: { b: bDeck },
    documents: { b: { id: bDocument, itemId: bItem.id } },
    parameterSets,
    jobs,
  };
}

import { randomUUID } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { test as base, expect } from "@playwright/test";
import { NOT_A_FORM } from "../lib/validations/form-data";
import { ACTION_TARGETS } from "./fuzz/action-targets";
import { actionReply, callAction, serverActions } from "./fuzz/actions";
import { ANKI_TARGETS } from "./fuzz/anki-targets";
import { AUTHORING_TARGETS } from "./fuzz/authoring-targets";
import { DatabaseWatch } from "./fuzz/db-snapshot";
import { GROUP_TARGETS } from "./fuzz/group-targets";
import { send } from "./fuzz/http";
import { ROUTE_TARGETS } from "./fuzz/route-targets";
import { fuzzTarget } from "./fuzz/runner";
import { type FuzzServer, startFuzzServer, unexpectedStderr } from "./fuzz/server";
import type { FuzzTarget } from "./fuzz/target";
import { buildWorld, type World } from "./fuzz/world";

/**
 * Property-based fuzzing of every server action and route handler through HTTP against the
 * production server (docs/reliability.md, "Bad input"). FUZZ_RUNS inputs per endpoint (100 by
 * default; `npm run fuzz` sends 10,000); FUZZ_SEED replays a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const TARGETS: FuzzTarget[] = [
  ...ACTION_TARGETS,
  ...ROUTE_TARGETS,
  ...AUTHORING_TARGETS,
  ...GROUP_TARGETS,
  ...ANKI_TARGETS,
] as FuzzTarget[];

const test = base.extend<object, { fuzz: { server: FuzzServer; world: World } }>({
  fuzz: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
    async ({}, use) => {
      const server = await startFuzzServer();
      try {
        await use({ server, world: await buildWorld(server) });
      } finally {
        await server.stop();
        for (const suffix of ["", "-wal", "-shm"]) rmSync(`${server.databasePath}${suffix}`, { force: true });
      }
    },
    { scope: "worker", timeout: 300_000 },
  ],
});

test("every server action and route handler has a fuzz target", () => {
  const covered = new Set(TARGETS.map((target) => target.covers));
  const actions = [...serverActions().keys()].map((name) => `action:${name}`);
  const routes = [
    ...(readdirSync("app", { recursive: true }) as string[])
      .filter((file) => path.basename(file) === "route.ts")
      .map((file) => `route:${path.join("app", file)}`),
    // The Pages Router API routes (pages/api/reviews.ts).
    ...(readdirSync(path.join("pages", "api"), { recursive: true }) as string[])
      .filter((file) => file.endsWith(".ts"))
      .map((file) => `route:${path.join("pages", "api", file)}`),
  ];
  expect(actions.length).toBeGreaterThan(0);
  expect([...actions, ...routes].filter((endpoint) => !covered.has(endpoint))).toEqual([]);
});

for (const target of TARGETS) {
  test(`fuzz: ${target.name}`, async ({ fuzz }, testInfo) => {
    // The slowest endpoint took about 13 ms an input on 2 busy cores; 100 ms leaves room.
    test.setTimeout(120_000 + RUNS * 100);
    const figures = await fuzzTarget(target, fuzz.world, fuzz.server, RUNS, SEED);
    const answers = Object.entries(figures.answers)
      .sort((x, y) => y[1] - x[1])
      .map(([label, count]) => `${label} ×${count}`)
      .join(", ");
    console.log(
      `fuzz ${target.name}: ${figures.inputs} inputs in ${figures.seconds.toFixed(1)} s: ${answers}`,
    );
    await testInfo.attach("figures", { body: JSON.stringify(figures), contentType: "application/json" });
    expect(figures.inputs).toBeGreaterThanOrEqual(RUNS);
  });
}

/**
 * Requests that never reach our code: Next decodes a server action's body before calling it.
 * Whatever Next answers (an unknown action id is a 4xx; a body that is not React's encoding, or
 * one over the 6 MB limit of next.config.ts, is a 500 from Next itself), nothing is written and the
 * server goes on.
 */
test("requests Next refuses before an action runs change nothing", async ({ fuzz }) => {
  const { world } = fuzz;
  const watch = new DatabaseWatch(world.databasePath);
  const signUp = world.actions.get("signUpAction");
  if (!signUp) throw new Error("no signUpAction");
  const post = (headers: Record<string, string>, body: string) =>
    send(`${world.baseURL}/sign-up`, {
      method: "POST",
      headers: { cookie: world.users.a.cookie, ...headers },
      body,
    });
  const unknownId = await post({ "next-action": `7f${"0".repeat(40)}` }, "[]");
  expect(unknownId.status).toBeGreaterThanOrEqual(400);
  expect(unknownId.status).toBeLessThan(500);
  const notEncoded = await post({ "next-action": signUp.id }, "{not json");
  expect(notEncoded.status).toBeGreaterThanOrEqual(400);
  const fields = new FormData();
  fields.set("name", "x".repeat(6_500_000));
  const tooLarge = await callAction(world.baseURL, signUp, [null, fields]);
  expect(actionReply(tooLarge).kind).toBe("failed");
  expect(watch.changedTables()).toEqual([]);
  expect((await fetch(`${world.baseURL}/api/health`)).status).toBe(200);
  watch.close();
});

/** Each bug the fuzzer found, replayed as it was found (docs/reliability.md, "Bad input"). */
test("bugs the fuzzer found stay fixed", async ({ fuzz }) => {
  const { world, server } = fuzz;
  const watch = new DatabaseWatch(world.databasePath);
  const stderrFrom = server.stderr().length;
  const { a, t } = world.users;

  // Actions called without their FormData: sign-up answered 500, the others "Something went wrong".
  const formActions: [string, string | undefined][] = [
    ["signUpAction", undefined],
    ["changePasswordAction", a.cookie],
    ["deleteAccountAction", a.cookie],
    ["saveSettingsAction", a.cookie],
    ["setQuizSharingAction", a.cookie],
    ["leaveTrainerAction", a.cookie],
    ["acceptInvitationAction", a.cookie],
    ["startQuizAction", a.cookie],
    ["createInvitationAction", t.cookie],
    ["revokeInvitationAction", t.cookie],
    ["assignDeckAction", t.cookie],
    ["unassignDeckAction", t.cookie],
    ["removeClientAction", t.cookie],
    // The FSRS parameter actions answered "Something went wrong" too.
    ["switchParametersAction", a.cookie],
    ["discardParametersAction", a.cookie],
    ["rescheduleAction", a.cookie],
    ["applyCohortAction", t.cookie],
    ["discardCohortAction", t.cookie],
  ];
  for (const [name, cookie] of formActions) {
    const action = world.actions.get(name);
    if (!action) throw new Error(`no ${name}`);
    for (const args of [[], [null, 5], [null, "text"], [null, new Map([["name", "x"]])]]) {
      const reply = actionReply(await callAction(world.baseURL, action, args, { cookie }));
      expect(reply, `${name}(${args.length} arguments)`).toEqual({
        kind: "returned",
        value: expect.objectContaining({ ok: false, message: NOT_A_FORM }),
      });
    }
  }

  // A quiz id whose String() throws was "Something went wrong".
  const finishQuiz = world.actions.get("finishQuizAction");
  if (!finishQuiz) throw new Error("no finishQuizAction");
  const badId = [Object.fromEntries([["toString", null]])];
  expect(actionReply(await callAction(world.baseURL, finishQuiz, [badId], { cookie: a.cookie }))).toEqual({
    kind: "returned",
    value: { ok: false, message: "This quiz does not exist.", errors: {} },
  });

  // next-auth: a callbackUrl that is not a URL was an uncaught 500 in a sign-in form…
  // An address and an account of their own, so that the fuzzing's failed sign-ins cannot have throttled them.
  const form = (fields: Record<string, string>) => ({
    method: "POST",
    headers: {
      cookie: world.csrf.cookie,
      "content-type": "application/x-www-form-urlencoded",
      "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}`,
    },
    body: new URLSearchParams({ csrfToken: world.csrf.token, ...fields }),
  });
  for (const callbackUrl of [" ", "http://["]) {
    const signIn = await send(
      `${world.baseURL}/api/auth/callback/credentials`,
      form({ email: `nobody-${randomUUID()}@example.com`, password: "wrong-password", callbackUrl }),
    );
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get("location")).toContain("error=CredentialsSignin");
    // …and in the query, next-auth's logged "server configuration" 500.
    const query = `callbackUrl=${encodeURIComponent(callbackUrl)}`;
    expect((await send(`${world.baseURL}/api/auth/signin?${query}`, {})).status).toBe(400);
  }
  // next-auth answered a GET of the credentials callback with a 500.
  expect((await send(`${world.baseURL}/api/auth/callback/credentials`, {})).status).toBe(405);
  // next-auth parsed a JSON body unguarded: malformed JSON was an uncaught 500.
  const malformed = await send(`${world.baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{not json",
  });
  expect(malformed.status).toBe(400);
  // next-auth's `_log` wrote whatever anyone posted into the server's error log.
  const log = await send(`${world.baseURL}/api/auth/_log`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ level: "error", code: "FORGED", message: "⨯ forged entry" }),
  });
  expect(log.status).toBe(404);

  expect(unexpectedStderr(server.stderr().slice(stderrFrom))).toEqual([]);
  expect(watch.changedTables()).toEqual([]);
  watch.close();
});

import fc from "fast-check";
import { type ActionInput, actionTarget, anyForm, calls } from "./action-targets";
import { fileValue, formOf, maybe, someId, text } from "./arbitraries";
import { send } from "./http";
import {
  type Actor,
  actor,
  type FuzzTarget,
  judgeClientError,
  labelStatus,
  SIGNED_IN,
  SIGNED_OUT,
} from "./target";
import type { World } from "./world";

/**
 * The .apkg and picture endpoints: the deck package download, the package upload, a card's
 * picture, and the action that sets one. Every input here is refused or read; none writes.
 */

const OTHERS = ["a", "t", "t2"] as const;
const isSignedIn = (name: string) => (SIGNED_IN as readonly string[]).includes(name);

/** Pictures on b's cards would change the world: b gets content cards and unknown ids; others get b's cards. */
function cardImageInputs(world: World): fc.Arbitrary<ActionInput> {
  const bCards = [`${world.personalDecks.b}-1`, `${world.personalDecks.b}-2`];
  const remove = maybe(fc.constantFrom("1", "0", ""));
  return fc.oneof(
    calls(actor(world, SIGNED_OUT), anyForm(["cardId", "image", "remove"])),
    calls(
      actor(world, [...OTHERS]),
      formOf({
        cardId: maybe(someId([...bCards, ...world.cards.slice(0, 5)])),
        image: maybe(fileValue),
        remove,
      }),
    ),
    calls(
      actor(world, ["b"]),
      formOf({ cardId: maybe(someId(world.cards.slice(0, 5))), image: maybe(fileValue), remove }),
    ),
  );
}

interface GetInput {
  actor: Actor;
  method: string;
  path: string;
  expected: number;
}

function getTarget(
  name: string,
  file: string,
  inputs: (world: World) => fc.Arbitrary<GetInput>,
  okType: string,
) {
  const target: FuzzTarget<GetInput> = {
    name,
    covers: `route:${file}`,
    inputs,
    send(world, input) {
      return send(`${world.baseURL}${input.path}`, {
        method: input.method,
        headers: input.actor.cookie ? { cookie: input.actor.cookie } : {},
      });
    },
    judge(input, outcome) {
      if (input.method === "OPTIONS")
        return outcome.status === 204 ? undefined : `OPTIONS answered ${outcome.status}`;
      if (input.method !== "GET" && input.method !== "HEAD") return judgeClientError(outcome);
      if (outcome.status !== input.expected)
        return `expected ${input.expected}, got ${outcome.status}: ${outcome.text.slice(0, 200)}`;
      if (input.expected === 200)
        return (outcome.headers.get("content-type") ?? "").startsWith(okType)
          ? undefined
          : `expected ${okType}`;
      return input.method === "HEAD" ? undefined : judgeClientError(outcome);
    },
    label: labelStatus,
  };
  return target;
}

const method = fc.oneof(
  { weight: 6, arbitrary: fc.constant("GET") },
  { weight: 1, arbitrary: fc.constantFrom("POST", "PUT", "DELETE", "HEAD", "OPTIONS") },
);

function packageDownloadInputs(world: World): fc.Arbitrary<GetInput> {
  const slug = fc.oneof(
    fc.constantFrom(...world.decks, world.personalDecks.b, "no-such-deck", "Bad Slug", "%2e%2e"),
    fc.stringMatching(/^[a-z0-9-]{1,20}$/),
  );
  return fc.record({ actor: actor(world, [...SIGNED_IN, ...SIGNED_OUT]), method, slug }).map((input) => {
    const visible =
      world.decks.includes(input.slug) || (input.slug === world.personalDecks.b && input.actor.name === "b");
    return {
      actor: input.actor,
      method: input.method,
      path: `/decks/${input.slug}/apkg`,
      expected: !isSignedIn(input.actor.name) ? 401 : visible ? 200 : 404,
    };
  });
}

function imageInputs(world: World): fc.Arbitrary<GetInput> {
  const id = fc.oneof(fc.constant("i-0123456789abcdef"), fc.stringMatching(/^[A-Za-z0-9._-]{1,30}$/));
  return fc.record({ actor: actor(world, [...SIGNED_IN, ...SIGNED_OUT]), method, id }).map((input) => ({
    actor: input.actor,
    method: input.method,
    path: `/api/images/${input.id}`,
    // No picture exists in the fuzz world: an unknown id is a 404 to everyone signed in.
    expected: isSignedIn(input.actor.name) ? 404 : 401,
  }));
}

interface UploadInput {
  actor: Actor;
  method: string;
  contentType?: string;
  body: string;
  origin?: string;
}

const BOUNDARY = "fuzzpackage";
const packageBody = fc
  .record({ name: fc.constantFrom("deck.apkg", "x", "a.zip"), content: text, title: maybe(text) })
  .map(({ name, content, title }) =>
    [
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n`,
      title === undefined
        ? ""
        : `--${BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\n${title}\r\n`,
      `--${BOUNDARY}--\r\n`,
    ].join(""),
  );

function packageUploadInputs(world: World): fc.Arbitrary<UploadInput> {
  const multipartType = `multipart/form-data; boundary=${BOUNDARY}`;
  return fc.oneof(
    fc.record({
      actor: actor(world, [...SIGNED_IN, ...SIGNED_OUT]),
      method: fc.constant("POST"),
      contentType: fc.constant(multipartType),
      body: packageBody,
    }),
    fc.record({
      actor: actor(world, SIGNED_IN),
      method: fc.constant("POST"),
      contentType: fc.constantFrom(undefined, "application/json", "text/plain", "multipart/form-data"),
      body: text,
    }),
    fc.record({
      actor: actor(world, SIGNED_IN),
      method: fc.constant("POST"),
      contentType: fc.constant(multipartType),
      body: packageBody,
      origin: fc.constantFrom("http://evil.example", "null"),
    }),
    fc.record({
      actor: actor(world, SIGNED_IN),
      method: fc.constantFrom("GET", "PUT", "DELETE"),
      body: fc.constant(""),
    }),
  );
}

const packageUploadTarget: FuzzTarget<UploadInput> = {
  name: "POST /api/packages",
  covers: "route:app/api/packages/route.ts",
  inputs: packageUploadInputs,
  send(world, input) {
    const headers: Record<string, string> = {};
    if (input.actor.cookie) headers.cookie = input.actor.cookie;
    if (input.contentType !== undefined) headers["content-type"] = input.contentType;
    if (input.origin !== undefined) headers.origin = input.origin;
    return send(`${world.baseURL}/api/packages`, {
      method: input.method,
      headers,
      body: input.method === "GET" ? undefined : input.body,
    });
  },
  judge(input, outcome) {
    if (input.origin && input.method === "POST" && outcome.status !== 403)
      return `a request from another origin got ${outcome.status}`;
    return judgeClientError(outcome);
  },
  label: labelStatus,
};

export const ANKI_TARGETS: FuzzTarget[] = [
  actionTarget("setCardImageAction", cardImageInputs),
  getTarget(
    "GET /decks/[slug]/apkg",
    "app/(study)/decks/[slug]/apkg/route.ts",
    packageDownloadInputs,
    "application/octet-stream",
  ),
  getTarget("GET /api/images/[id]", "app/api/images/[id]/route.ts", imageInputs, "image/"),
  packageUploadTarget,
] as FuzzTarget[];

import fc from "fast-check";
import {
  breakSome,
  jsonValue,
  maybe,
  nastyString,
  PROTO_KEYS,
  pathSegmentOf,
  someId,
  text,
  unknownId,
  weirdNumber,
} from "./arbitraries";
import { type Outcome, send, setsSession } from "./http";
import {
  type Actor,
  type ActorName,
  actor,
  type FuzzTarget,
  judgeClientError,
  LEARNERS,
  labelStatus,
  SIGNED_IN,
  SIGNED_OUT,
  TRAINERS,
} from "./target";
import type { World } from "./world";

/** Every route handler, with requests that must all be refused (or, for reads, answered without a 5xx). */

export interface RouteInput {
  actor: Actor;
  method: string;
  path: string;
  contentType?: string;
  body?: string;
  headers?: Record<string, string>;
  /** For reads whose answer depends on the world: the status a GET must get. */
  expected?: number;
  /** Sent as if by a page of another origin (Origin or Sec-Fetch-Site say so): a POST must get 403. */
  forged?: boolean;
}

function routeTarget(
  name: string,
  file: string,
  inputs: (world: World) => fc.Arbitrary<RouteInput>,
  // OPTIONS is answered by Next itself (204, the allowed methods), for every route.
  judge: (input: RouteInput, outcome: Outcome) => string | undefined = judgeMutation,
  label: (outcome: Outcome) => string = labelStatus,
): FuzzTarget<RouteInput> {
  return {
    name,
    covers: `route:${file}`,
    inputs,
    send(world, input) {
      const headers: Record<string, string> = { ...input.headers };
      if (input.actor.cookie)
        headers.cookie = [input.actor.cookie, headers.cookie].filter(Boolean).join("; ");
      if (input.contentType !== undefined) headers["content-type"] = input.contentType;
      const withBody = input.method !== "GET" && input.method !== "HEAD";
      return send(`${world.baseURL}${input.path}`, {
        method: input.method,
        headers,
        body: withBody ? (input.body ?? "") : undefined,
      });
    },
    judge,
    label,
  };
}

/** OPTIONS is answered by Next itself (204, the allowed methods); a forged POST is a 403 whatever its body. */
function judgeMutation(input: RouteInput, outcome: Outcome): string | undefined {
  if (input.method === "OPTIONS" && outcome.status === 204) return undefined;
  if (input.forged && input.method === "POST" && outcome.status !== 403)
    return `a request from another origin got ${outcome.status}: ${outcome.text.slice(0, 200)}`;
  return judgeClientError(outcome);
}

// --- bodies --------------------------------------------------------------------------------------

const OTHER_METHODS = ["GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/** JSON most of the time; sometimes no type, the wrong one, or one the check must not be fooled by. */
const contentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant("application/json") },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      undefined,
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "APPLICATION/JSON",
      "application/json; charset=utf-16",
      "text/json",
      // "Simple" types a page of another origin may send without a CORS preflight.
      "text/plain;application/json",
      "text/plain; charset=utf-8; application/json",
      "application/x-www-form-urlencoded;application/json",
      "application/jsonx",
      "application/json, text/plain",
      "application/json; charset=utf-8",
    ),
  },
);

const malformedJson = fc.oneof(
  fc.constantFrom(
    "",
    "{",
    "{not json",
    "[1,",
    "NaN",
    '{"a":NaN}',
    "{'a':1}",
    "\uFEFF{}",
    "{} x",
    "/* */ {}",
    '{"a":1,}',
  ),
  fc.integer({ min: 1_000, max: 20_000 }).map((depth) => "[".repeat(depth)),
  fc.integer({ min: 1_000, max: 20_000 }).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`),
  fc.integer({ min: 1_000, max: 5_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`),
  text,
);

/** A body for a JSON route: the near-valid object, any JSON at all, or not JSON. */
function jsonBody(nearValid: fc.Arbitrary<unknown>) {
  return fc.oneof(
    { weight: 6, arbitrary: nearValid.map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: jsonValue.map((value) => JSON.stringify(value) ?? "null") },
    { weight: 1, arbitrary: malformedJson },
  );
}

const FIELDS = new Set([
  "idempotencyKey",
  "cardId",
  "rating",
  "expectedVersion",
  "answeredAt",
  "durationMs",
  "itemId",
  "response",
]);

/** Keys the strict schemas refuse, `__proto__` among them (an own key, as JSON.parse makes it). */
const extraKeys = fc
  .array(
    fc.tuple(
      fc
        .oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ minLength: 1, maxLength: 12 }))
        .filter((key) => !FIELDS.has(key)),
      jsonValue,
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((entries) => Object.fromEntries(entries) as Record<string, unknown>);

function withExtraKeys(value: Record<string, unknown>, extra: Record<string, unknown>) {
  return Object.fromEntries([...Object.entries(value), ...Object.entries(extra)]);
}

/** Values of the wrong JSON type (and undefined: the key is left out). */
const notA = (type: "string" | "number") =>
  fc.oneof(
    fc.constant(undefined),
    jsonValue.filter((value) => typeof value !== type),
  );

const notWholeNumberIn = (min: number, max: number) =>
  fc.oneof(
    notA("number"),
    weirdNumber
      .filter((n) => !(Number.isInteger(n) && n >= min && n <= max))
      .map((n) => (Number.isFinite(n) ? n : null)),
  );

const idempotencyKey = fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/);
const KEY = /^[A-Za-z0-9_-]{8,64}$/;
const badKey = fc.oneof(
  notA("string"),
  text.filter((key) => !KEY.test(key)),
);

/** Who may call, how: signed-out callers get anything, signed-in ones get `signedIn`. */
function byCaller(
  world: World,
  signedIn: (name: (typeof SIGNED_IN)[number]) => fc.Arbitrary<string>,
  anything: fc.Arbitrary<string>,
) {
  return fc.oneof(
    fc.record({ actor: actor(world, SIGNED_OUT), body: anything }),
    ...SIGNED_IN.map((name) => fc.record({ actor: actor(world, [name]), body: signedIn(name) })),
  );
}

/**
 * Where a request says it comes from: nowhere (not a browser) most of the time, the app's own
 * pages now and then, or another origin: another port or scheme of the same host, another host,
 * the opaque "null", or a browser's Sec-Fetch-Site saying it is not same-origin.
 */
function requestOrigin(world: World): fc.Arbitrary<{ headers: Record<string, string>; forged: boolean }> {
  const own = new URL(world.baseURL);
  const foreign = [
    `${own.protocol}//${own.hostname}:${Number(own.port) + 1}`,
    `https://${own.host}`,
    `${own.protocol}//localhost:${own.port}`,
    "http://evil.example",
    "null",
    `${own.origin}.evil.example`,
  ];
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant({ headers: {} as Record<string, string>, forged: false }) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom<Record<string, string>>(
          { origin: own.origin },
          { origin: own.origin, "sec-fetch-site": "same-origin" },
        )
        .map((headers) => ({ headers, forged: false })),
    },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.constantFrom(...foreign).map((origin) => ({ headers: { origin }, forged: true })),
        fc
          .record({
            site: fc.constantFrom("same-site", "cross-site", "none"),
            origin: fc.constantFrom(undefined, own.origin),
          })
          .map(({ site, origin }) => ({
            headers: { "sec-fetch-site": site, ...(origin ? { origin } : {}) },
            forged: true,
          })),
      ),
    },
  );
}

/** POST mostly (another method now and then), as JSON mostly, from anywhere. */
function postJson(
  world: World,
  calls: fc.Arbitrary<{ actor: Actor; body: string; path: string }>,
): fc.Arbitrary<RouteInput> {
  return fc
    .record({
      call: calls,
      method: fc.oneof(
        { weight: 12, arbitrary: fc.constant("POST") },
        { weight: 1, arbitrary: fc.constantFrom(...OTHER_METHODS) },
      ),
      contentType,
      from: requestOrigin(world),
    })
    .map(({ call, method, contentType, from }) => ({
      ...call,
      method,
      contentType,
      headers: from.headers,
      forged: from.forged,
    }));
}

const at = (path: string) => (call: { actor: Actor; body: string }) => ({ ...call, path });

// --- reviews -------------------------------------------------------------------------------------

function reviewInputs(world: World) {
  const review = (name: (typeof SIGNED_IN)[number]) => {
    const versions = world.versions[name];
    const version = (cardId: string) => versions.get(cardId) ?? 0;
    const knownCard = fc.constantFrom(...world.cards);
    const fields = breakSome<Record<string, unknown>>(
      {
        idempotencyKey,
        card: knownCard.map((cardId) => ({ cardId, expectedVersion: version(cardId) })),
        rating: fc.integer({ min: 1, max: 4 }),
        answeredAt: fc.integer({ min: 0, max: Date.now() }),
        durationMs: fc.integer({ min: 0, max: 86_400_000 }),
      },
      {
        idempotencyKey: badKey,
        card: fc.oneof(
          // Unknown card (404), stale version (409), or a malformed id or version (400).
          fc.record({ cardId: unknownId, expectedVersion: fc.integer({ min: 0, max: 5 }) }),
          knownCard.chain((cardId) =>
            fc.record({
              cardId: fc.constant(cardId),
              expectedVersion: fc
                .integer({ min: 0, max: 1_000_000_000 })
                .filter((v) => v !== version(cardId)),
            }),
          ),
          fc.record({
            cardId: fc.oneof(notA("string"), fc.constantFrom("", "x".repeat(201))),
            expectedVersion: fc.nat(),
          }),
          knownCard.chain((cardId) =>
            fc.record({ cardId: fc.constant(cardId), expectedVersion: notWholeNumberIn(0, 1e9) }),
          ),
        ),
        rating: notWholeNumberIn(1, 4),
        answeredAt: notWholeNumberIn(0, 8_640_000_000_000),
        durationMs: notWholeNumberIn(0, 86_400_000),
      },
    ).map(({ card, ...rest }) => ({ ...rest, ...(card as object) }));
    const valid = knownCard.chain((cardId) =>
      fc.record({
        idempotencyKey,
        cardId: fc.constant(cardId),
        rating: fc.integer({ min: 1, max: 4 }),
        expectedVersion: fc.constant(version(cardId)),
        answeredAt: fc.integer({ min: 0, max: Date.now() }),
        durationMs: fc.integer({ min: 0, max: 86_400_000 }),
      }),
    );
    const validWithExtra = fc.tuple(valid, extraKeys).map(([body, extra]) => withExtraKeys(body, extra));
    return jsonBody(fc.oneof({ weight: 4, arbitrary: fields }, { weight: 1, arbitrary: validWithExtra }));
  };
  return postJson(world, byCaller(world, review, jsonBody(jsonValue)).map(at("/api/reviews")));
}

function undoInputs(world: World) {
  const { aOlderKey, bKey } = world.reviews;
  // a's older key is refused (not the latest answer); b's key is b's latest, so only others get it.
  const refused: Record<(typeof SIGNED_IN)[number], string[]> = {
    a: [aOlderKey, bKey],
    b: [aOlderKey],
    t: [aOlderKey, bKey],
    t2: [aOlderKey, bKey],
  };
  const undo = (name: (typeof SIGNED_IN)[number]) =>
    jsonBody(
      fc.oneof(
        fc.record({ idempotencyKey: fc.oneof(fc.constantFrom(...refused[name]), idempotencyKey) }),
        fc.record({ idempotencyKey: badKey }),
        fc
          .tuple(fc.oneof(fc.constantFrom(...refused[name]), idempotencyKey), extraKeys)
          .map(([key, extra]) => withExtraKeys({ idempotencyKey: key }, extra)),
      ),
    );
  return postJson(world, byCaller(world, undo, jsonBody(jsonValue)).map(at("/api/reviews/undo")));
}

// --- card marks ----------------------------------------------------------------------------------

/** A lone surrogate cannot go into a URL (encodeURIComponent throws): such ids are left out. */
function encodable(segment: string): boolean {
  try {
    encodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

function marksInputs(world: World) {
  const card = fc.constantFrom(...world.cards);
  const bad = jsonBody(
    fc.oneof(
      fc.constant({}),
      fc.record({ suspended: jsonValue.filter((value) => typeof value !== "boolean") }),
      fc.record({ buried: jsonValue.filter((value) => typeof value !== "boolean") }),
      fc.record({ flag: notWholeNumberIn(0, 4) }),
      fc
        .tuple(fc.record({ flag: fc.integer({ min: 0, max: 4 }) }), extraKeys)
        .map(([body, extra]) => withExtraKeys(body, extra)),
    ),
  );
  const good = fc
    .oneof(fc.record({ flag: fc.integer({ min: 0, max: 4 }) }), fc.record({ suspended: fc.boolean() }))
    .map((body) => JSON.stringify(body));
  const calls = fc.oneof(
    // Anyone, a wrong body for a real card.
    fc.record({ actor: actor(world, [...SIGNED_OUT, ...SIGNED_IN]), body: bad, card }),
    // A right body: signed out, or for a card nobody has.
    fc.record({
      actor: actor(world, SIGNED_OUT),
      body: good,
      card: pathSegment(world.cards).filter(encodable),
    }),
    fc.record({ actor: actor(world, SIGNED_IN), body: good, card: pathSegment([]).filter(encodable) }),
  );
  return postJson(
    world,
    calls.map(({ card: id, ...call }) => ({ ...call, path: `/api/cards/${encodeURIComponent(id)}/marks` })),
  );
}

// --- quiz answers --------------------------------------------------------------------------------

/** A path segment that reaches the route: not empty, not a dot segment, short enough for a URL. */
const pathSegment = (ids: string[]) =>
  someId(ids).filter((id) => id !== "" && id !== "." && id !== ".." && id.length <= 2_000);

function answerInputs(world: World) {
  const { aOpen, aFinished, aDiscarded, bOpen } = world.quizzes;
  const items = world.quizItems;
  const anyAnswer = jsonBody(
    fc.record({
      itemId: fc.oneof(fc.constantFrom(...items.map((item) => item.id)), unknownId),
      response: fc.oneof(
        fc.record({ choice: fc.oneof(text, fc.constantFrom(...items.flatMap((item) => item.choices))) }),
        fc.record({ pairs: fc.dictionary(text, text, { maxKeys: 3 }) }),
        jsonValue,
      ),
      durationMs: fc.oneof(fc.integer({ min: 0, max: 86_400_000 }), notWholeNumberIn(0, 86_400_000)),
    }),
  );
  const inQuiz = items.filter((item) => aOpen.itemIds.includes(item.id));
  const notInQuiz = items.filter((item) => !aOpen.itemIds.includes(item.id)).map((item) => item.id);
  const duration = fc.integer({ min: 0, max: 86_400_000 });
  // a's open attempt: every body is wrong for it in one respect.
  const badForOpen = jsonBody(
    fc.oneof(
      // Not part of this quiz.
      fc.record({
        itemId: fc.oneof(fc.constantFrom(...notInQuiz), unknownId),
        response: fc.record({ choice: fc.string({ minLength: 1, maxLength: 20 }) }),
        durationMs: duration,
      }),
      // Part of it, with a response that names no option, or the wrong kind of response.
      fc.constantFrom(...inQuiz).chain((item) =>
        fc.record({
          itemId: fc.constant(item.id),
          response:
            item.kind === "matching"
              ? fc.oneof(
                  fc.record({ choice: fc.string({ minLength: 1, maxLength: 20 }) }),
                  fc.record({
                    pairs: fc.dictionary(
                      fc.string({ minLength: 1, maxLength: 20 }),
                      fc
                        .string({ minLength: 1, maxLength: 20 })
                        .filter((right) => !item.choices.includes(right)),
                      { minKeys: 1, maxKeys: 3 },
                    ),
                  }),
                )
              : fc.oneof(
                  fc.record({
                    choice: fc
                      .string({ minLength: 1, maxLength: 500 })
                      .filter((choice) => !item.choices.includes(choice)),
                  }),
                  fc.record({
                    pairs: fc.dictionary(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), {
                      maxKeys: 2,
                    }),
                  }),
                ),
          durationMs: duration,
        }),
      ),
      // The question already answered, answered differently (409).
      fc.constantFrom(...inQuiz.filter((item) => item.id === aOpen.answered.itemId)).chain((item) =>
        fc.record({
          itemId: fc.constant(item.id),
          response: fc.record({
            choice: fc.constantFrom(...item.choices).filter((c) => c !== aOpen.answered.choice),
          }),
          durationMs: duration,
        }),
      ),
      // The shape is wrong: missing or mistyped fields, extra keys.
      breakSome<Record<string, unknown>>(
        {
          itemId: fc.constantFrom(...aOpen.itemIds),
          response: fc.record({ choice: fc.string({ minLength: 1, maxLength: 20 }) }),
          durationMs: duration,
        },
        {
          itemId: fc.oneof(notA("string"), fc.constantFrom("", "x".repeat(201))),
          response: fc.oneof(
            fc.constant(undefined),
            jsonValue.filter((value) => !(value && typeof value === "object" && !Array.isArray(value))),
            fc.record({ choice: fc.oneof(fc.constant(""), fc.string({ minLength: 501, maxLength: 600 })) }),
            fc.record({ choice: fc.constant("x"), pairs: fc.constant({}) }),
          ),
          durationMs: notWholeNumberIn(0, 86_400_000),
        },
      ),
      fc
        .tuple(fc.constantFrom(...aOpen.itemIds), extraKeys)
        .map(([itemId, extra]) => withExtraKeys({ itemId, response: { choice: "x" }, durationMs: 1 }, extra)),
    ),
  );
  const all = [aOpen.id, aFinished, aDiscarded, bOpen];
  const call = (names: readonly ActorName[], attempts: string[], body: fc.Arbitrary<string>) =>
    fc.record({ actor: actor(world, names), attempt: pathSegment(attempts), body });
  return postJson(
    world,
    fc
      .oneof(
        call(SIGNED_OUT, all, anyAnswer),
        call(TRAINERS, all, anyAnswer),
        // a's finished or discarded attempts refuse every answer (409); b's is not a's (404).
        call(["a"], [aFinished, aDiscarded, bOpen], anyAnswer),
        fc.record({ actor: actor(world, ["a"]), attempt: fc.constant(aOpen.id), body: badForOpen }),
        call(["b"], [aOpen.id, aFinished, aDiscarded], anyAnswer),
      )
      .filter((input) => !(input.actor.name === "b" && input.attempt === bOpen))
      .map(({ attempt, ...call }) => ({ ...call, path: `/api/quiz/${pathSegmentOf(attempt)}/answers` })),
  );
}

// --- reads: exports and health -------------------------------------------------------------------

const query = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...PROTO_KEYS, "callbackUrl", "error", "csrf", "json", "provider"), text),
      fc.oneof(text, nastyString, fc.constantFrom("/dashboard", "https://evil.example/", "http://[")),
    ),
    { maxLength: 3 },
  )
  .map((pairs) => {
    const search = new URLSearchParams(pairs.filter(([k, v]) => k.length + v.length < 2_000)).toString();
    return search ? `?${search}` : "";
  });

const anyMethod = fc.oneof(
  { weight: 6, arbitrary: fc.constant("GET") },
  { weight: 1, arbitrary: fc.constantFrom("POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS") },
);

function readInputs(world: World, path: string) {
  return fc
    .record({
      actor: actor(world, [...SIGNED_IN, ...SIGNED_OUT]),
      method: anyMethod,
      query,
      body: fc.oneof(fc.constant(undefined), text),
    })
    .map(({ query, ...input }) => ({ ...input, path: `${path}${query}` }));
}

/**
 * A read is answered, not refused, for a caller allowed to read (`allowed`); everyone else gets
 * `refusal` with a JSON message; other methods get 405 (OPTIONS: 204), both with an Allow header.
 */
function judgeRead(allowed: readonly ActorName[], okType: string, refusal: (name: ActorName) => number) {
  return (input: RouteInput, outcome: Outcome): string | undefined => {
    if (input.method === "OPTIONS")
      return outcome.status === 204 ? undefined : `OPTIONS answered ${outcome.status}`;
    if (input.method !== "GET" && input.method !== "HEAD") return judgeClientError(outcome);
    if (allowed.includes(input.actor.name)) {
      if (outcome.status !== 200) return `expected 200, got ${outcome.status}: ${outcome.text.slice(0, 200)}`;
      const type = outcome.headers.get("content-type") ?? "";
      return type.startsWith(okType) ? undefined : `expected ${okType}, got ${type}`;
    }
    const expected = refusal(input.actor.name);
    if (outcome.status !== expected)
      return `expected ${expected}, got ${outcome.status}: ${outcome.text.slice(0, 200)}`;
    return input.method === "HEAD" ? undefined : judgeClientError(outcome);
  };
}

// --- next-auth -----------------------------------------------------------------------------------

/** What next-auth answered: its status and, for a refused sign-in, the error it names. */
function labelAuth(outcome: Outcome): string {
  const url = outcome.headers.get("location") ?? (/"url":"([^"]*)"/.exec(outcome.text)?.[1] || "");
  // The error page echoes any `error` a client put in the query; only next-auth's own names count.
  const named = /[?&]error=(CredentialsSignin|TooManyAttempts)\b/.exec(url)?.[1];
  const error = named ?? (/[?&]error=/.test(url) ? "error page" : /csrf=true/.test(url) ? "csrf" : "");
  return error ? `${outcome.status} ${error}` : String(outcome.status);
}

const forwardedFor = fc.oneof(
  fc.constant(undefined),
  fc.ipV4(),
  fc.constantFrom("unknown", "::1", "203.0.113.9, 10.0.0.1"),
);

/**
 * Headers a client may send to pass for someone else (issue 13): a stamp of the socket's address
 * written by hand (lib/auth/client-address.ts), a device cookie it made up.
 */
const spoofing = fc.record(
  {
    "x-retain-socket-address": fc.oneof(
      fc.constantFrom("203.0.113.9", "x 203.0.113.9", " 203.0.113.9", ""),
      text.filter((value) => /^[\t\x20-\x7e]*$/.test(value)),
    ),
    "retain-device": fc.oneof(
      fc.constantFrom("", ".", "AAAAAAAAAAAAAAAAAAAAAA.AAAA", "AAAAAAAAAAAAAAAAAAAAAA.x.y"),
      fc.stringMatching(/^[\w.-]{0,120}$/),
    ),
  },
  { requiredKeys: [] },
);

/**
 * Return addresses an attacker builds (issue 13, open redirect): the characters browsers drop
 * (tab, CR, LF), backslashes, dots, percent-encodings, other hosts and schemes.
 */
const returnAddress = fc
  .array(
    fc.oneof(
      fc.constantFrom("/", "//", "\\", ".", "..", "@", ":", "?", "#", "evil.example", "dashboard", "stats"),
      fc.constantFrom("\t", "\n", "\r", "\0", "\x7f", "\x1b", " ", "\u2028", "\ufeff", "\ud800"),
      fc.constantFrom("%09", "%0a", "%0d", "%00", "%2f", "%5c", "%252f", "%2e", "https:", "javascript:"),
      text.filter((value) => value.length < 20),
    ),
    { maxLength: 8 },
  )
  // A lone surrogate cannot be put in a URL (encodeURIComponent throws): it arrives as U+FFFD.
  .map((pieces) => pieces.join("").toWellFormed());

function signInInputs(world: World) {
  const emails = Object.values(world.users).map((account) => account.email);
  const passwords = new Set(Object.values(world.users).map((account) => account.password));
  const fields = fc.record({
    csrfToken: fc.oneof(
      { weight: 4, arbitrary: fc.constant(world.csrf.token) },
      { weight: 1, arbitrary: maybe(text) },
    ),
    email: maybe(
      fc.oneof(
        fc.constantFrom(...emails).chain((email) => fc.constantFrom(email, email.toUpperCase(), ` ${email}`)),
        fc.uuid().map((id) => `nobody-${id}@example.com`),
        text,
      ),
    ),
    // Never a real password: every attempt here must fail.
    password: maybe(text.filter((password) => !passwords.has(password))),
    json: maybe(fc.oneof(fc.constant("true"), text)),
    callbackUrl: maybe(
      fc.oneof(
        fc.constantFrom("/dashboard", "https://evil.example", "javascript:alert(1)"),
        text,
        returnAddress,
      ),
    ),
  });
  const body = fc.oneof(
    {
      weight: 6,
      arbitrary: fields.map((f) => ({ type: "application/x-www-form-urlencoded", body: form(f) })),
    },
    { weight: 2, arbitrary: fields.map((f) => ({ type: "application/json", body: JSON.stringify(f) })) },
    {
      weight: 1,
      arbitrary: fc.record({ type: contentType.map((t) => t ?? "application/json"), body: malformedJson }),
    },
  );
  return fc
    .record({
      actor: actor(world, [...SIGNED_IN, ...SIGNED_OUT]),
      body,
      ip: forwardedFor,
      withCsrfCookie: fc.boolean(),
      spoof: spoofing,
    })
    .map(({ actor, body, ip, withCsrfCookie, spoof }) => {
      const device = spoof["retain-device"] === undefined ? [] : [`retain-device=${spoof["retain-device"]}`];
      const cookie = [...(withCsrfCookie ? [world.csrf.cookie] : []), ...device].join("; ");
      const stamp = spoof["x-retain-socket-address"];
      return {
        actor,
        method: "POST",
        path: "/api/auth/callback/credentials",
        contentType: body.type,
        body: body.body,
        headers: {
          ...(ip ? { "x-forwarded-for": ip } : {}),
          ...(cookie ? { cookie } : {}),
          ...(stamp === undefined ? {} : { "x-retain-socket-address": stamp }),
        },
      };
    });
}

function form(fields: Record<string, string | undefined>): string {
  const entries = Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return new URLSearchParams(entries).toString();
}

function nextAuthInputs(world: World) {
  const action = fc.oneof(
    fc.constantFrom(
      "signin",
      "signout",
      "session",
      "csrf",
      "providers",
      "error",
      "callback",
      "verify-request",
      "_log",
      "signin/credentials",
      "callback/credentials",
      "callback/github",
      "signin/email",
    ),
    fc
      .array(
        fc
          .oneof(text, ...PROTO_KEYS.map((key) => fc.constant(key)))
          .filter((s) => s !== "" && s !== "." && s !== ".." && s.length < 500),
        { minLength: 1, maxLength: 3 },
      )
      .map((segments) => segments.map(pathSegmentOf).join("/")),
  );
  const body = fc.oneof(
    fc.record({
      type: fc.constant("application/x-www-form-urlencoded"),
      body: fc
        .dictionary(
          text.filter((k) => k.length < 100),
          text,
          { maxKeys: 4 },
        )
        .map((d) => new URLSearchParams(d).toString()),
    }),
    fc.record({ type: fc.constant("application/json"), body: jsonBody(jsonValue) }),
    fc.record({ type: contentType.map((t) => t ?? "text/plain"), body: malformedJson }),
  );
  return fc
    .record({
      actor: actor(world, [...SIGNED_IN, ...SIGNED_OUT]),
      method: fc.oneof(
        fc.constantFrom("GET", "POST"),
        fc.constantFrom("PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"),
      ),
      action,
      query,
      body,
      withCsrf: fc.boolean(),
      ip: forwardedFor,
      returnTo: fc.option(returnAddress),
    })
    .map(({ actor, method, action, query, body, withCsrf: csrfWanted, ip, returnTo }) => {
      // A sign-out with a valid token is a real one, and it now revokes the account's sessions
      // (issue 13); the world's users must stay signed in for the other targets.
      const signsOut =
        action.split("/")[0] === "signout" && (SIGNED_IN as readonly string[]).includes(actor.name);
      const withCsrf = csrfWanted && !signsOut;
      if (returnTo !== null)
        query = `${query}${query ? "&" : "?"}callbackUrl=${encodeURIComponent(returnTo)}`;
      // With the CSRF cookie, a form body also carries the matching token.
      const token = withCsrf && body.type.includes("urlencoded") ? `csrfToken=${world.csrf.token}&` : "";
      return {
        actor,
        method,
        path: `/api/auth/${action}${query}`,
        contentType: body.type,
        body: `${token}${body.body}`,
        headers: {
          ...(withCsrf ? { cookie: world.csrf.cookie } : {}),
          ...(ip ? { "x-forwarded-for": ip } : {}),
        },
      };
    });
}

/**
 * next-auth answers with its own redirects, pages and `{ url }` bodies; what matters is no 5xx, no
 * session for anyone without one, and a refused sign-in that says so: a 4xx, or a redirect (or, with
 * `json=true`, a `{ url }`) to the error page, or back to sign-in when the CSRF token is missing.
 */
function judgeNextAuth(mustRefuse: boolean) {
  return (input: RouteInput, outcome: Outcome): string | undefined => {
    if (outcome.status >= 500) return `status ${outcome.status}: ${outcome.text.slice(0, 300)}`;
    const signedIn = (SIGNED_IN as readonly string[]).includes(input.actor.name);
    if (setsSession(outcome) && (mustRefuse || !signedIn)) return "a session cookie was issued";
    if (mustRefuse && outcome.status < 400 && !labelAuth(outcome).includes(" ")) {
      return `a refused sign-in answered ${outcome.status} without naming why: ${outcome.text.slice(0, 300)}`;
    }
    return undefined;
  };
}

/**
 * The sign-in and sign-up pages with any return address: a signed-in visitor is redirected to it,
 * which must stay on this site (`/%09/evil.example` did not) and never be a 500 (`%0a` was).
 */
function returnPageInputs(world: World) {
  return fc
    .record({
      actor: actor(world, [...SIGNED_IN, ...SIGNED_OUT]),
      page: fc.constantFrom("/sign-in", "/sign-up"),
      returnTo: fc.oneof(
        returnAddress,
        returnAddress.map((path) => `/${path}`),
        text,
      ),
      encode: fc.boolean(),
    })
    .map(({ actor, page, returnTo: raw, encode }) => {
      // A lone surrogate cannot be put in a URL (encodeURIComponent throws).
      const returnTo = raw.toWellFormed();
      // Raw as well as encoded: a browser sends a typed tab as %09, a bare `%` stays `%`.
      const value = encode ? encodeURIComponent(returnTo) : returnTo.replace(/[#&\s]/g, encodeURIComponent);
      return { actor, method: "GET", path: `${page}?callbackUrl=${value}` };
    });
}

const PAGE_ORIGIN = "http://fuzz.invalid";

function judgeReturnPage(input: RouteInput, outcome: Outcome): string | undefined {
  if (outcome.status >= 500) return `status ${outcome.status}: ${outcome.text.slice(0, 300)}`;
  const location = outcome.headers.get("location");
  // 200: the page; 4xx: refused before the page (431 for a URL over Node's header limit).
  if (location === null) {
    return outcome.status === 200 || outcome.status >= 400
      ? undefined
      : `status ${outcome.status} without a Location`;
  }
  // Resolved as a browser does (dropping tabs and newlines); an absolute URL must be the server's own.
  const target = new URL(location, PAGE_ORIGIN);
  const ours = target.origin === PAGE_ORIGIN || ["127.0.0.1", "localhost"].includes(target.hostname);
  return ours ? undefined : `${input.path} redirected off the site, to ${location}`;
}

// --- FSRS parameter optimization -----------------------------------------------------------------

/**
 * Starting a fit. Even a well-formed request is refused here: nobody in the world has the 400
 * reviews a fit needs (422), learners may not fit a cohort (403), and a trainer's deck must be one
 * they assigned to a current client (404).
 */
function optimizationInputs(world: World) {
  const deck = fc.oneof(fc.constantFrom(...world.decks, world.personalDecks.b), text);
  const notBoolean = jsonValue.filter((value) => typeof value !== "boolean");
  const request = jsonBody(
    fc.oneof(
      fc.record({ scope: fc.constant("personal"), includeQuiz: fc.boolean() }, { requiredKeys: ["scope"] }),
      fc.record({ scope: fc.constant("cohort"), deckSlug: deck }),
      fc.record(
        {
          scope: fc.oneof(
            notA("string"),
            text.filter((scope) => scope !== "personal" && scope !== "cohort"),
            fc.constantFrom("Personal", "cohort ", "__proto__"),
          ),
          includeQuiz: fc.boolean(),
          deckSlug: deck,
        },
        { requiredKeys: [] },
      ),
      fc.record({ scope: fc.constant("personal"), includeQuiz: notBoolean }),
      fc.record({
        scope: fc.constant("cohort"),
        deckSlug: fc.oneof(notA("string"), fc.constantFrom("", "x".repeat(101))),
      }),
      fc
        .tuple(
          fc.constantFrom({ scope: "personal" }, { scope: "cohort", deckSlug: world.decks[0] ?? "" }),
          extraKeys,
        )
        .map(([body, extra]) => withExtraKeys(body, extra)),
    ),
  );
  return postJson(world, byCaller(world, () => request, jsonBody(jsonValue)).map(at("/api/parameters/jobs")));
}

/** An optimization's progress: b's job for anyone but b, unknown ids for everyone (404, or 400). */
function jobInputs(world: World) {
  return fc
    .record({
      call: fc.oneof(
        fc.record({ actor: actor(world, [...SIGNED_OUT, "a", "t", "t2"]), job: pathSegment([world.jobs.b]) }),
        fc.record({ actor: actor(world, ["b"]), job: pathSegment([]) }),
      ),
      method: anyMethod,
      body: fc.oneof(fc.constant(undefined), text),
    })
    .map(({ call: { actor, job }, method, body }) => ({
      actor,
      method,
      body,
      path: `/api/parameters/jobs/${pathSegmentOf(job)}`,
    }));
}

/** Every request refused; HEAD (GET without its body) with any 4xx, OPTIONS with Next's 204. */
function judgeRefused(input: RouteInput, outcome: Outcome): string | undefined {
  if (input.method === "OPTIONS")
    return outcome.status === 204 ? undefined : `OPTIONS answered ${outcome.status}`;
  if (input.method === "HEAD")
    return outcome.status >= 400 && outcome.status < 500 ? undefined : `HEAD answered ${outcome.status}`;
  return judgeClientError(outcome);
}

// --- deck downloads ------------------------------------------------------------------------------

/** A deck as an Anki file: content decks, b's personal deck, unknown slugs (never the static "import"). */
function ankiInputs(world: World) {
  return fc
    .record({
      actor: actor(world, [...SIGNED_IN, ...SIGNED_OUT]),
      method: anyMethod,
      slug: pathSegment([...world.decks, world.personalDecks.b]).filter((slug) => slug !== "import"),
      body: fc.oneof(fc.constant(undefined), text),
    })
    .map(({ slug, ...input }) => {
      // The route reads the slug trimmed.
      const trimmed = slug.toWellFormed().trim();
      const signedIn = (SIGNED_IN as readonly string[]).includes(input.actor.name);
      const visible =
        world.decks.includes(trimmed) || (trimmed === world.personalDecks.b && input.actor.name === "b");
      return {
        ...input,
        path: `/decks/${pathSegmentOf(slug)}/anki`,
        expected: !signedIn ? 401 : visible ? 200 : 404,
      };
    });
}

/**
 * A signed-in caller gets a content deck (or their own personal deck) as text: 200; anyone else's
 * personal deck or an unknown slug is a 404, a signed-out caller a 401.
 */
function judgeAnki(input: RouteInput, outcome: Outcome): string | undefined {
  if (input.method === "OPTIONS")
    return outcome.status === 204 ? undefined : `OPTIONS answered ${outcome.status}`;
  if (input.method !== "GET" && input.method !== "HEAD") return judgeClientError(outcome);
  const expected = input.expected ?? 404;
  if (outcome.status !== expected)
    return `expected ${expected}, got ${outcome.status}: ${outcome.text.slice(0, 200)}`;
  if (expected === 200) {
    const type = outcome.headers.get("content-type") ?? "";
    return type.startsWith("text/plain") ? undefined : `expected text/plain, got ${type}`;
  }
  return input.method === "HEAD" ? undefined : judgeClientError(outcome);
}

/** The service worker: anyone may read it; nothing else there answers 5xx. */
function judgeServiceWorker(input: RouteInput, outcome: Outcome): string | undefined {
  if (outcome.status >= 500) return `got ${outcome.status}: ${outcome.text.slice(0, 200)}`;
  if (input.method === "GET" && input.path === "/serwist/sw.js") {
    const type = outcome.headers.get("content-type") ?? "";
    if (outcome.status !== 200 || !type.includes("javascript"))
      return `expected the script, got ${outcome.status} ${type}`;
  }
  return undefined;
}

/**
 * One-click unsubscribe without a session: any token that is not one the app signed is a 404,
 * from anyone; a post another site's page makes is a 403 first. (A real token's single use is in
 * test/integration/notifications.test.ts and e2e/notifications.spec.ts.)
 */
function unsubscribeInputs(world: World) {
  const token = fc.oneof(
    fc
      .tuple(fc.stringMatching(/^[A-Za-z0-9_-]{22}$/), fc.stringMatching(/^[A-Za-z0-9_-]{43}$/))
      .map(([id, mac]) => `${id}.${mac}`),
    // A segment that is empty or a dot-segment would name another path, not another token; past
    // Node's 16 KB header limit the request never reaches the app (431), so stay well under it.
    text
      .filter((value) => value !== "" && value !== "." && value !== "..")
      .map((value) => value.slice(0, 1000)),
  );
  return fc
    .record({
      actor: actor(world, [...SIGNED_IN, ...SIGNED_OUT]),
      token,
      from: requestOrigin(world),
      body: fc.oneof(fc.constant("List-Unsubscribe=One-Click"), text),
    })
    .map(({ actor, token, from, body }) => ({
      actor,
      method: "POST",
      path: `/api/unsubscribe/${pathSegmentOf(token)}`,
      contentType: "application/x-www-form-urlencoded",
      body,
      headers: from.headers,
      forged: from.forged,
    }));
}

export const ROUTE_TARGETS: FuzzTarget<RouteInput>[] = [
  routeTarget(
    "GET /serwist/[path]",
    "app/serwist/[path]/route.ts",
    (world) =>
      fc.oneof(
        readInputs(world, "/serwist/sw.js").map((input) => ({ ...input, path: "/serwist/sw.js" })),
        readInputs(world, "/serwist/sw.js"),
        pathSegment([])
          .filter(encodable)
          .chain((segment) => readInputs(world, `/serwist/${encodeURIComponent(segment)}`)),
      ),
    judgeServiceWorker,
  ),
  routeTarget("POST /api/unsubscribe/[token]", "app/api/unsubscribe/[token]/route.ts", unsubscribeInputs),
  routeTarget("POST /api/reviews", "pages/api/reviews.ts", reviewInputs),
  routeTarget("POST /api/reviews/undo", "app/api/reviews/undo/route.ts", undoInputs),
  routeTarget("POST /api/cards/[cardId]/marks", "app/api/cards/[cardId]/marks/route.ts", marksInputs),
  routeTarget(
    "POST /api/quiz/[attemptId]/answers",
    "app/api/quiz/[attemptId]/answers/route.ts",
    answerInputs,
  ),
  routeTarget(
    "GET /api/account/export",
    "app/api/account/export/route.ts",
    (world) => readInputs(world, "/api/account/export"),
    judgeRead(SIGNED_IN, "application/json", () => 401),
  ),
  routeTarget(
    "GET /trainer/export",
    "app/(trainer)/trainer/export/route.ts",
    (world) => readInputs(world, "/trainer/export"),
    judgeRead(TRAINERS, "text/csv", (name) => ((LEARNERS as readonly string[]).includes(name) ? 403 : 401)),
  ),
  routeTarget(
    "GET /api/account/review-log",
    "app/api/account/review-log/route.ts",
    (world) => readInputs(world, "/api/account/review-log"),
    judgeRead(SIGNED_IN, "text/csv", () => 401),
  ),
  routeTarget("POST /api/parameters/jobs", "app/api/parameters/jobs/route.ts", optimizationInputs),
  routeTarget(
    "GET /api/parameters/jobs/[jobId]",
    "app/api/parameters/jobs/[jobId]/route.ts",
    jobInputs,
    judgeRefused,
  ),
  routeTarget("GET /decks/[slug]/anki", "app/(study)/decks/[slug]/anki/route.ts", ankiInputs, judgeAnki),
  routeTarget(
    "GET /api/health",
    "app/api/health/route.ts",
    (world) => readInputs(world, "/api/health"),
    judgeRead([...SIGNED_IN, ...SIGNED_OUT], "application/json", () => 200),
  ),
  routeTarget(
    "POST /api/auth/callback/credentials (sign-in)",
    "app/api/auth/[...nextauth]/route.ts",
    signInInputs,
    judgeNextAuth(true),
    labelAuth,
  ),
  routeTarget(
    "GET /sign-in, /sign-up (return address)",
    "app/(auth)/sign-in/page.tsx",
    returnPageInputs,
    judgeReturnPage,
    (outcome) => `${outcome.status}${outcome.headers.get("location") ? " redirect" : ""}`,
  ),
  routeTarget(
    "/api/auth/* (next-auth)",
    "app/api/auth/[...nextauth]/route.ts",
    nextAuthInputs,
    judgeNextAuth(false),
    labelAuth,
  ),
];

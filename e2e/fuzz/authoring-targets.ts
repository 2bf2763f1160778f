import fc from "fast-check";
import { type ActionInput, actionTarget, anyForm, calls, FormArg } from "./action-targets";
import {
  type FormEntries,
  formOf,
  formValue,
  hugeString,
  maybe,
  replyValue,
  someId,
  text,
} from "./arbitraries";
import { send } from "./http";
import { actor, type FuzzTarget, judgeClientError, labelStatus, SIGNED_IN, SIGNED_OUT } from "./target";
import type { World } from "./world";

/**
 * The authoring endpoints: the three review actions and the upload route. b owns the one
 * document of the world (no item accepted, so it can never be published); a, t and t2 reach it
 * as someone else's. Every input here must be refused and change nothing.
 */

const STATUSES = ["proposed", "accepted", "rejected"];
const OTHERS = ["a", "t", "t2"] as const;

/** Actions called with the FormData alone (not through useActionState); sometimes with anything else. */
const direct = (who: fc.Arbitrary<ActionInput["actor"]>, form: fc.Arbitrary<FormEntries>) =>
  fc.record({
    actor: who,
    args: fc.oneof(
      { weight: 8, arbitrary: form.map((entries) => [new FormArg(entries)]) },
      { weight: 1, arbitrary: fc.array(replyValue, { maxLength: 3 }) },
    ),
  });

const ids = (world: World) => ({
  document: maybe(someId([world.documents.b.id])),
  item: maybe(someId([world.documents.b.itemId])),
});

function statusInputs(world: World) {
  const { document, item } = ids(world);
  const status = maybe(fc.oneof(fc.constantFrom(...STATUSES), formValue));
  const b = world.documents.b;
  return fc.oneof(
    direct(actor(world, SIGNED_OUT), anyForm(["documentId", "itemIds", "status"])),
    direct(actor(world, OTHERS), formOf({ documentId: document, itemIds: item, status })),
    // b's own document: a status that is none of the three, or an item it does not have.
    direct(
      actor(world, ["b"]),
      fc.oneof(
        formOf({
          documentId: fc.constant(b.id),
          itemIds: fc.constant(b.itemId),
          status: maybe(formValue.filter((v) => typeof v !== "string" || !STATUSES.includes(v))),
        }),
        formOf({
          documentId: fc.constant(b.id),
          itemIds: maybe(text.filter((v) => v !== b.itemId)),
          status: fc.constantFrom(...STATUSES),
        }),
      ),
    ),
  );
}

const CARD_FIELDS = ["documentId", "itemId", "kind", "front", "back", "evidence", "quote", "reason"];

function cardInputs(world: World) {
  const { document, item } = ids(world);
  const field = maybe(formValue);
  const card = {
    kind: maybe(fc.oneof(fc.constantFrom("basic", "reversed", "cloze"), formValue)),
    front: field,
    back: field,
    evidence: maybe(fc.oneof(fc.constantFrom("background", "human-rct", "animal"), formValue)),
    reason: field,
  };
  return fc.oneof(
    direct(actor(world, SIGNED_OUT), anyForm(CARD_FIELDS)),
    direct(actor(world, OTHERS), formOf({ documentId: document, itemId: item, quote: field, ...card })),
    // b's own document: the quote is never in it word for word (random text), so it is refused.
    direct(
      actor(world, ["b"]),
      formOf({
        documentId: fc.constant(world.documents.b.id),
        itemId: maybe(fc.constant(world.documents.b.itemId)),
        quote: maybe(fc.oneof(text, hugeString)),
        ...card,
      }),
    ),
  );
}

const QUIZ_FIELDS = [
  "documentId",
  "itemId",
  "prompt",
  "choice",
  "answer",
  "left",
  "right",
  "explanation",
  "evidence",
  "quote",
  "reason",
];

function quizInputs(world: World) {
  const { document, item } = ids(world);
  const field = maybe(formValue);
  const quiz = {
    prompt: field,
    choice: field,
    answer: field,
    left: field,
    right: field,
    explanation: field,
    evidence: maybe(fc.oneof(fc.constantFrom("background", "human-rct", "animal"), formValue)),
    reason: field,
  };
  return fc.oneof(
    direct(actor(world, SIGNED_OUT), anyForm(QUIZ_FIELDS)),
    direct(actor(world, OTHERS), formOf({ documentId: document, itemId: item, quote: field, ...quiz })),
    // b's own document: the quote is never in it word for word (random text), so it is refused.
    direct(
      actor(world, ["b"]),
      formOf({
        documentId: fc.constant(world.documents.b.id),
        itemId: maybe(fc.constant(world.documents.b.itemId)),
        quote: maybe(fc.oneof(text, hugeString)),
        ...quiz,
      }),
    ),
  );
}

/** Drafting a card from a selection writes nothing whatever it is sent; others' documents are not found. */
function selectionInputs(world: World) {
  const { document } = ids(world);
  const selected = maybe(fc.oneof(text, hugeString, formValue));
  return fc.oneof(
    direct(actor(world, SIGNED_OUT), anyForm(["documentId", "text"])),
    direct(actor(world, OTHERS), formOf({ documentId: document, text: selected })),
    direct(actor(world, ["b"]), formOf({ documentId: fc.constant(world.documents.b.id), text: selected })),
  );
}

function publishInputs(world: World) {
  const { document } = ids(world);
  const title = maybe(fc.oneof(formValue, hugeString, fc.constantFrom("", "Deck\nname")));
  // b's document has nothing accepted: publishing it is refused whatever the name.
  return fc.oneof(
    calls(actor(world, SIGNED_OUT), anyForm(["documentId", "title", "description"])),
    calls(actor(world, OTHERS), formOf({ documentId: document, title, description: maybe(formValue) })),
    calls(
      actor(world, ["b"]),
      formOf({ documentId: fc.constant(world.documents.b.id), title, description: maybe(formValue) }),
    ),
  );
}

// --- personal deck card editor ------------------------------------------------------------------

/** A card form that is never valid: an unknown kind, a blank or huge front, or a basic card without a back. */
const badCard = fc.oneof(
  formOf({
    kind: maybe(
      formValue.filter((v) => typeof v !== "string" || !["basic", "reversed", "cloze"].includes(v)),
    ),
    front: maybe(formValue),
    back: maybe(formValue),
  }),
  formOf({
    kind: fc.constant("basic"),
    front: fc.oneof(fc.constant(" "), hugeString),
    back: maybe(formValue),
  }),
  formOf({
    kind: fc.constant("basic"),
    front: fc.constant("A front"),
    back: fc.constantFrom(undefined, "", " \n"),
  }),
  formOf({ kind: fc.constant("cloze"), front: fc.constant("Nothing hidden here"), back: maybe(formValue) }),
);
const anyCard = formOf({ kind: maybe(formValue), front: maybe(formValue), back: maybe(formValue) });

const withFields = (
  base: fc.Arbitrary<FormEntries>,
  extra: Record<string, fc.Arbitrary<string | undefined>>,
) =>
  fc
    .tuple(base, fc.record(extra))
    .map(([entries, more]) => [
      ...entries,
      ...Object.entries(more).flatMap(([name, value]) =>
        value === undefined ? [] : [[name, value] as [string, string]],
      ),
    ]);

function addCardInputs(world: World) {
  const bDeck = world.personalDecks.b;
  const slug = maybe(someId([bDeck, ...world.decks]));
  return fc.oneof(
    calls(actor(world, SIGNED_OUT), anyForm(["slug", "kind", "front", "back"])),
    // Someone else's deck or a content deck: not found, whatever the card.
    calls(actor(world, [...OTHERS]), withFields(anyCard, { slug })),
    calls(actor(world, ["b"]), withFields(badCard, { slug: fc.constant(bDeck) })),
    calls(
      actor(world, ["b"]),
      withFields(anyCard, { slug: maybe(someId(world.decks)).filter((v) => v !== bDeck) }),
    ),
  );
}

function editCardInputs(world: World) {
  const bCards = [`${world.personalDecks.b}-1`, `${world.personalDecks.b}-2`];
  const cardId = maybe(someId([...bCards, ...world.cards.slice(0, 5)]));
  return fc.oneof(
    calls(actor(world, SIGNED_OUT), anyForm(["cardId", "kind", "front", "back"])),
    calls(actor(world, [...OTHERS]), withFields(anyCard, { cardId })),
    calls(actor(world, ["b"]), withFields(badCard, { cardId: fc.constantFrom(...bCards) })),
    calls(actor(world, ["b"]), withFields(anyCard, { cardId: maybe(someId(world.cards.slice(0, 5))) })),
  );
}

function retireCardInputs(world: World) {
  const bCards = [`${world.personalDecks.b}-1`, `${world.personalDecks.b}-2`];
  return fc.oneof(
    calls(actor(world, SIGNED_OUT), anyForm(["cardId"])),
    calls(
      actor(world, [...OTHERS]),
      formOf({ cardId: maybe(someId([...bCards, ...world.cards.slice(0, 5)])) }),
    ),
    // b may retire only b's own cards, which would change the world: b gets content cards and unknown ids.
    calls(actor(world, ["b"]), formOf({ cardId: maybe(someId(world.cards.slice(0, 5))) })),
  );
}

// --- POST /api/documents --------------------------------------------------------------------------

interface UploadInput {
  actor: ActionInput["actor"];
  method: string;
  contentType?: string;
  body: string;
  /** A foreign page's Origin: even a good document is refused (403). */
  origin?: string;
}

const BOUNDARY = "fuzzboundary";
function multipart(parts: { name: string; fileName?: string; content: string }[]): string {
  const chunks = parts.map(
    (part) =>
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"${
        part.fileName === undefined ? "" : `; filename="${part.fileName}"`
      }\r\n${part.fileName === undefined ? "" : "Content-Type: application/octet-stream\r\n"}\r\n${part.content}\r\n`,
  );
  return `${chunks.join("")}--${BOUNDARY}--\r\n`;
}

const fileName = fc.oneof(
  fc.constantFrom("x.exe", "notes", "a.pdf.zip", "photo.png", ".md.bak", "doc.rtf"),
  fc
    .stringMatching(/^[a-z]{1,8}\.[a-z]{1,4}$/)
    .filter((name) => !/\.(md|markdown|txt|text|html?|pdf|docx)$/.test(name)),
);
/** Mostly control characters: read as binary whatever the extension. */
const binaryContent = fc.string({
  unit: fc.constantFrom("\u0000", "\u0001", "\u0002", "\u0007"),
  minLength: 16,
  maxLength: 200,
});
const blank = fc.constantFrom("", " ", "\n\n", "\t \r\n");

/** Bodies the route must refuse: no document, the wrong format, binary or blank text, a title too long. */
const refusedBody = fc.oneof(
  fileName.chain((name) =>
    fc.oneof(text, binaryContent).map((content) => multipart([{ name: "file", fileName: name, content }])),
  ),
  fc
    .constantFrom("a.txt", "b.md", "c.html")
    .chain((name) =>
      fc.oneof(binaryContent, blank).map((content) => multipart([{ name: "file", fileName: name, content }])),
    ),
  blank.map((content) => multipart([{ name: "text", content }])),
  fc.constant(multipart([{ name: "title", content: "Only a title" }])),
  // A blank title is no title (the document's own is used), so only a long one must be refused.
  hugeString
    .filter((title) => title.trim().length > 200)
    .map((title) =>
      multipart([
        { name: "title", content: title },
        { name: "text", content: "In a randomized trial, vitamin K2 reduced bone loss in older women." },
      ]),
    ),
  binaryContent.map((content) => multipart([{ name: "text", content }])),
  text.map((garbage) => `--${BOUNDARY}\r\n${garbage}`),
);

function uploadInputs(world: World): fc.Arbitrary<UploadInput> {
  const multipartType = `multipart/form-data; boundary=${BOUNDARY}`;
  return fc.oneof(
    fc.record({
      actor: actor(world, SIGNED_OUT),
      method: fc.constant("POST"),
      contentType: fc.constant(multipartType),
      body: fc.oneof(
        refusedBody,
        fc.constant(multipart([{ name: "text", content: "A randomized trial found a result." }])),
      ),
    }),
    fc.record({
      actor: actor(world, SIGNED_IN),
      method: fc.constant("POST"),
      contentType: fc.constant(multipartType),
      body: refusedBody,
    }),
    fc.record({
      actor: actor(world, SIGNED_IN),
      method: fc.constant("POST"),
      contentType: fc.constantFrom(undefined, "application/json", "text/plain", "multipart/form-data"),
      body: fc.oneof(text, fc.constant('{"text":"A randomized trial found a result."}')),
    }),
    fc.record({
      actor: actor(world, SIGNED_IN),
      method: fc.constant("POST"),
      contentType: fc.constant(multipartType),
      body: fc.constant(
        multipart([{ name: "text", content: "A randomized trial found that MK-7 reduced bone loss." }]),
      ),
      origin: fc.constantFrom("http://evil.example", "null", "http://127.0.0.1:1"),
    }),
    fc.record({
      actor: actor(world, SIGNED_IN),
      method: fc.constantFrom("GET", "PUT", "DELETE"),
      body: fc.constant(""),
    }),
  );
}

const uploadTarget: FuzzTarget<UploadInput> = {
  name: "POST /api/documents",
  covers: "route:app/api/documents/route.ts",
  inputs: uploadInputs,
  send(world, input) {
    const headers: Record<string, string> = {};
    if (input.actor.cookie) headers.cookie = input.actor.cookie;
    if (input.contentType !== undefined) headers["content-type"] = input.contentType;
    if (input.origin !== undefined) headers.origin = input.origin;
    const withBody = input.method !== "GET";
    return send(`${world.baseURL}/api/documents`, {
      method: input.method,
      headers,
      body: withBody ? input.body : undefined,
    });
  },
  judge: (_input, outcome) => judgeClientError(outcome),
  label: labelStatus,
};

// --- GET /api/documents/progress ------------------------------------------------------------------

interface ProgressInput {
  actor: ActionInput["actor"];
  method: string;
  query: string;
}

/** No upload is being read while the fuzzer runs: every token is unknown (404), malformed (400) or the caller is no one (401). */
function progressInputs(world: World): fc.Arbitrary<ProgressInput> {
  const token = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/),
    // Node answers a URL over its header limit with a bare 431 before our code runs.
    // A lone surrogate cannot be put in a URL at all (encodeURIComponent throws on our side).
    text.filter((value) => value.length <= 300 && value.isWellFormed()),
    fc.constantFrom("", "short", "a".repeat(65), "../../etc/passwd", "%00"),
  );
  return fc.oneof(
    fc.record({ actor: actor(world, SIGNED_OUT), method: fc.constant("GET"), query: token }),
    fc.record({ actor: actor(world, SIGNED_IN), method: fc.constant("GET"), query: token }),
    fc.record({
      actor: actor(world, SIGNED_IN),
      method: fc.constantFrom("POST", "PUT", "DELETE"),
      query: token,
    }),
  );
}

const progressTarget: FuzzTarget<ProgressInput> = {
  name: "GET /api/documents/progress",
  covers: "route:app/api/documents/progress/route.ts",
  inputs: progressInputs,
  send(world, input) {
    const headers: Record<string, string> = {};
    if (input.actor.cookie) headers.cookie = input.actor.cookie;
    return send(`${world.baseURL}/api/documents/progress?token=${encodeURIComponent(input.query)}`, {
      method: input.method,
      headers,
      body: input.method === "GET" ? undefined : "",
    });
  },
  judge: (_input, outcome) => judgeClientError(outcome),
  label: labelStatus,
};

export const AUTHORING_TARGETS: FuzzTarget[] = [
  actionTarget("setDraftStatusAction", statusInputs),
  actionTarget("saveCardAction", cardInputs),
  actionTarget("saveQuizAction", quizInputs),
  actionTarget("draftSelectionAction", selectionInputs),
  actionTarget("publishAction", publishInputs),
  actionTarget("addPersonalCardAction", addCardInputs),
  actionTarget("editPersonalCardAction", editCardInputs),
  actionTarget("retirePersonalCardAction", retireCardInputs),
  uploadTarget,
  progressTarget,
] as FuzzTarget[];

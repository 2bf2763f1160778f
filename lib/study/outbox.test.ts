import { describe, expect, it } from "vitest";
import {
  backoffMs,
  classifyMarksResponse,
  classifyResponse,
  clearBackoff,
  enqueueAnswer,
  enqueueMarks,
  markStarted,
  type NewAnswer,
  nextRetryAt,
  type OutboxOp,
  opId,
  outboxStorageKey,
  parseOutbox,
  requestFor,
  sendable,
  serializeOutbox,
  settle,
  takeBack,
  waitingCounts,
  waitingWords,
} from "./outbox";
import { studyCard, T0 } from "./test-fixtures";

const before = { schedule: studyCard("x").schedule, version: 0 };
const newAnswer = (key: string, cardId: string, version = 0): NewAnswer => ({
  key,
  cardId,
  rating: 3,
  answeredAt: T0,
  durationMs: 1200,
  before: { ...before, version },
});
const ok = (cardId: string, version: number) =>
  ({ kind: "ok", cardId, schedule: before.schedule, version }) as const;

function outbox(...answers: NewAnswer[]): OutboxOp[] {
  return answers.reduce<OutboxOp[]>((ops, a) => enqueueAnswer(ops, a), []);
}

describe("sending order", () => {
  const ops = outbox(
    newAnswer("a1", "a"),
    newAnswer("b1", "b"),
    newAnswer("a2", "a", 1),
    newAnswer("c1", "c"),
  );

  it("sends the first op of each card, in order; a card's second answer waits for its first", () => {
    expect(sendable(ops, new Set(), T0).map((op) => op.key)).toEqual(["a1", "b1", "c1"]);
    expect(sendable(ops, new Set(["answer:a1"]), T0).map((op) => op.key)).toEqual(["b1", "c1"]);
    expect(sendable(ops, new Set(), T0, 2).map((op) => op.key)).toEqual(["a1", "b1"]);
    expect(sendable(ops, new Set(["answer:a1"]), T0, 2).map((op) => op.key)).toEqual(["b1"]);
    const afterFirst = settle(ops, "answer:a1", ok("a", 1), T0).ops;
    expect(sendable(afterFirst, new Set(), T0).map((op) => op.key)).toEqual(["b1", "a2", "c1"]);
  });

  it("builds the request body the API expects", () => {
    expect(requestFor(ops[0]!)).toEqual({
      path: "/api/reviews",
      body: {
        idempotencyKey: "a1",
        cardId: "a",
        rating: 3,
        expectedVersion: 0,
        answeredAt: T0,
        durationMs: 1200,
      },
    });
    const undo = takeBack(ops, new Set(["answer:a1"]), newAnswer("a1", "a")).ops.at(-1)!;
    expect(requestFor(undo)).toEqual({ path: "/api/reviews/undo", body: { idempotencyKey: "a1" } });
  });
});

describe("settling responses", () => {
  const ops = outbox(newAnswer("a1", "a"), newAnswer("a2", "a", 1), newAnswer("b1", "b"));

  it("removes a saved answer and says whether it is the card's latest", () => {
    const first = settle(ops, "answer:a1", ok("a", 1), T0);
    expect(first.ops.map(opId)).toEqual(["answer:a2", "answer:b1"]);
    expect(first.event).toMatchObject({ type: "saved", cardId: "a", version: 1, latest: false });
    expect(settle(first.ops, "answer:a2", ok("a", 2), T0).event).toMatchObject({ latest: true });
  });

  it("drops an answer refused with 400 or 404, with its undo", () => {
    const withUndo = takeBack(ops, new Set(["answer:b1"]), newAnswer("b1", "b")).ops;
    const result = settle(
      withUndo,
      "answer:b1",
      classifyResponse(404, { error: "This card does not exist." }),
      T0,
    );
    expect(result.ops.map(opId)).toEqual(["answer:a1", "answer:a2"]);
    expect(result.event).toMatchObject({
      type: "refused",
      status: 404,
      message: "This card does not exist.",
    });
    expect(settle(ops, "answer:a1", classifyResponse(400, {}), T0).ops.map(opId)).toEqual([
      "answer:a2",
      "answer:b1",
    ]);
  });

  it("drops a stale answer and every later op of its card, and hands over the current state", () => {
    const current = { cardId: "a", schedule: before.schedule, version: 5 };
    const result = settle(ops, "answer:a1", classifyResponse(409, { error: "changed", current }), T0);
    expect(result.ops.map(opId)).toEqual(["answer:b1"]);
    expect(result.event).toMatchObject({ type: "stale", current, droppedKeys: ["a1", "a2"] });
  });

  it("keeps answers on network errors and 5xx, backing off 1s, 2s, 4s … up to 30s", () => {
    let state = ops;
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const result = settle(state, "answer:a1", { kind: "retry", reason: "network" }, T0);
      state = result.ops;
      delays.push((result.event as { retryAt: number }).retryAt - T0);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(state.map(opId)).toEqual(ops.map(opId));
    expect(sendable(state, new Set(), T0).map((op) => op.key)).toEqual(["b1"]);
    expect(nextRetryAt(state, T0)).toBe(T0 + 30_000);
    expect(sendable(clearBackoff(state), new Set(), T0).map((op) => op.key)).toEqual(["a1", "b1"]);
    expect(backoffMs(1)).toBe(1000);
  });

  it("keeps everything on 401", () => {
    const result = settle(ops, "answer:a1", classifyResponse(401, { error: "Please sign in" }), T0);
    expect(result.ops).toEqual(ops);
    expect(result.event).toMatchObject({ type: "auth" });
  });

  it("ignores a response for an op that is gone", () => {
    expect(settle(ops, "answer:zz", ok("z", 1), T0)).toEqual({ ops, event: null });
  });
});

describe("classifying responses", () => {
  it("maps statuses to what happens next", () => {
    expect(
      classifyResponse(200, { cardId: "a", schedule: before.schedule, version: 1, status: "duplicate" }),
    ).toEqual(ok("a", 1));
    expect(classifyResponse(200, { nonsense: true })).toEqual({ kind: "retry", reason: "server" });
    expect(classifyResponse(409, { error: "Only the latest answer of a card can be undone." })).toMatchObject(
      {
        kind: "refused",
        status: 409,
      },
    );
    expect(classifyResponse(500, null)).toEqual({ kind: "retry", reason: "server" });
    expect(classifyResponse(503, null)).toEqual({ kind: "retry", reason: "server" });
    expect(classifyResponse(429, null)).toEqual({ kind: "retry", reason: "server" });
    expect(classifyResponse(401, null)).toEqual({ kind: "auth" });
  });
});

describe("taking an answer back", () => {
  const ops = outbox(newAnswer("a1", "a"));

  it("removes an answer that never left the browser", () => {
    expect(takeBack(ops, new Set(), newAnswer("a1", "a"))).toEqual({ ops: [], outcome: "removed" });
  });

  it("queues an undo behind an answer in flight, or one that may have reached the server", () => {
    const inFlight = takeBack(ops, new Set(["answer:a1"]), newAnswer("a1", "a"));
    expect(inFlight.outcome).toBe("queued");
    expect(inFlight.ops.map(opId)).toEqual(["answer:a1", "undo:a1"]);
    expect(sendable(inFlight.ops, new Set(), T0).map(opId)).toEqual(["answer:a1"]);
    const tried = takeBack(markStarted(ops, "answer:a1"), new Set(), newAnswer("a1", "a"));
    expect(tried.outcome).toBe("queued");
  });

  it("queues an undo for an answer the server acknowledged", () => {
    expect(takeBack([], new Set(), newAnswer("a1", "a")).ops.map(opId)).toEqual(["undo:a1"]);
  });
});

describe("counting what waits", () => {
  it("counts an answer taken back after a failed send as neither an answer nor an undo", () => {
    let ops = outbox(newAnswer("a1", "a"), newAnswer("b1", "b"), newAnswer("c1", "c"));
    for (const op of [...ops]) ops = markStarted(ops, opId(op)); // each was tried, offline
    ops = takeBack(ops, new Set(), { key: "c1", cardId: "c", before }).ops;
    expect(ops).toHaveLength(4);
    expect(waitingCounts(ops)).toEqual({ answers: 2, undos: 0, marks: 0 });
  });

  it("counts an undo whose answer was already saved", () => {
    const ops = takeBack([], new Set(), { key: "saved", cardId: "a", before }).ops;
    expect(waitingCounts(ops)).toEqual({ answers: 0, undos: 1, marks: 0 });
  });
});

describe("storage", () => {
  it("round-trips, forgets backoff, and skips anything unreadable", () => {
    const ops = settle(
      outbox(newAnswer("a1", "a")),
      "answer:a1",
      { kind: "retry", reason: "server" },
      T0,
    ).ops;
    const parsed = parseOutbox(serializeOutbox(markStarted(ops, "answer:a1")));
    expect(parsed).toEqual([{ ...ops[0], attempts: 1, failures: 0, retryAt: 0 }]);
    expect(parseOutbox("not json")).toEqual([]);
    expect(parseOutbox('{"a":1}')).toEqual([]);
    expect(
      parseOutbox(JSON.stringify([{ type: "answer", key: 1 }, ...JSON.parse(serializeOutbox(ops))])),
    ).toHaveLength(1);
    expect(parseOutbox(null)).toEqual([]);
  });

  it("keys by learner and scope", () => {
    expect(outboxStorageKey("u1", { deck: "mk4", cardIds: null })).toBe("retain:study-outbox:v1:u1:mk4");
    expect(outboxStorageKey("u1", { deck: null, cardIds: null })).toBe("retain:study-outbox:v1:u1:*");
    const cards = outboxStorageKey("u1", { deck: null, cardIds: ["b", "a"] });
    expect(cards).toBe(outboxStorageKey("u1", { deck: null, cardIds: ["a", "b"] }));
    expect(cards).not.toBe(outboxStorageKey("u1", { deck: null, cardIds: ["a", "c"] }));
  });
});

describe("card marks in the outbox", () => {
  const marks = (key: string, cardId: string, change: { suspended?: boolean; flag?: number }) => ({
    key,
    cardId,
    before,
    change,
  });

  it("keep their order per card, need not wait for its answers, and go to the marks endpoint", () => {
    let ops = enqueueMarks(outbox(newAnswer("a1", "a")), marks("m1", "a", { flag: 1 }));
    ops = enqueueMarks(ops, marks("m2", "a", { suspended: true }));
    expect(sendable(ops, new Set(), T0).map((op) => op.key)).toEqual(["a1", "m1"]);
    const after = settle(ops, "marks:m1", { kind: "marked" }, T0).ops;
    expect(sendable(after, new Set(["answer:a1"]), T0).map((op) => op.key)).toEqual(["m2"]);
    expect(requestFor(after[1]!)).toEqual({ path: "/api/cards/a/marks", body: { suspended: true } });
  });

  it("are sent once: a success removes them; offline and 5xx keep them for a retry", () => {
    const ops = enqueueMarks([], marks("m1", "a", { flag: 2 }));
    expect(classifyMarksResponse(200, { cardId: "a", flag: 2 })).toEqual({ kind: "marked" });
    expect(settle(ops, "marks:m1", { kind: "marked" }, T0)).toMatchObject({
      ops: [],
      event: { type: "marked" },
    });
    expect(classifyMarksResponse(503, null)).toEqual({ kind: "retry", reason: "server" });
    expect(settle(ops, "marks:m1", { kind: "retry", reason: "network" }, T0).ops).toHaveLength(1);
    expect(classifyMarksResponse(404, { error: "gone" })).toEqual({
      kind: "refused",
      status: 404,
      message: "gone",
    });
  });

  it("survive a stale answer of their card, survive a reload, and are counted as card marks", () => {
    const ops = enqueueMarks(outbox(newAnswer("a1", "a")), marks("m1", "a", { suspended: true }));
    const current = { cardId: "a", schedule: before.schedule, version: 5 };
    const stale = settle(ops, "answer:a1", { kind: "stale", message: "changed", current }, T0);
    expect(stale.ops.map((op) => op.key)).toEqual(["m1"]);
    expect(stale.event).toMatchObject({ droppedKeys: ["a1"] });
    expect(parseOutbox(serializeOutbox(ops))).toHaveLength(2);
    expect(waitingCounts(ops)).toEqual({ answers: 1, undos: 0, marks: 1 });
    expect(waitingWords(waitingCounts(ops))).toBe("1 answer and 1 card mark");
    expect(waitingWords({ answers: 0, undos: 0, marks: 2 })).toBe("2 card marks");
    expect(waitingWords({ answers: 2, undos: 1, marks: 1 })).toBe("2 answers, 1 undo and 1 card mark");
  });
});

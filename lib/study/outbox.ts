import type { ReviewRating } from "@/lib/srs/types";
import type { WireSchedule } from "./session-data";
import type { WaitingCounts } from "./waiting-words";

/**
 * The study outbox: answers (and undos) waiting for the server, in the order they were given.
 * Pure state transitions; the browser side (storage, fetch, timers) lives with the study page.
 */

/** A card's schedule and version as the server had them before an answer. */
export interface CardSnapshot {
  schedule: WireSchedule;
  version: number;
}

interface OpBase {
  /** The answer's idempotency key; an undo op carries the key of the answer it takes back. */
  key: string;
  cardId: string;
  /** The card before the answer: re-applied after a reload, restored by undo. */
  before: CardSnapshot;
  /** Requests started: a started answer may have reached the server, so undo must ask it. */
  attempts: number;
  /** Failed attempts in a row (network, 5xx), for the backoff. */
  failures: number;
  /** Not before this time (epoch ms); 0 when it may go now. */
  retryAt: number;
}

export interface AnswerOp extends OpBase {
  type: "answer";
  rating: ReviewRating;
  /** The card version the rating was given against (`before.version`). */
  expectedVersion: number;
  answeredAt: number;
  durationMs: number;
}

export interface UndoOp extends OpBase {
  type: "undo";
}

/** Suspend, bury or flag (the study screen's marks), as POST /api/cards/[cardId]/marks takes it. */
export interface MarksChange {
  suspended?: boolean;
  buried?: boolean;
  flag?: number;
}

/**
 * A change of a card's marks, queued like an answer so it survives being offline and a reload,
 * and goes after the card's earlier answers. Setting a mark is idempotent on the server.
 */
export interface MarksOp extends OpBase {
  type: "marks";
  change: MarksChange;
}

export type OutboxOp = AnswerOp | UndoOp | MarksOp;

export const opId = (op: Pick<OutboxOp, "type" | "key">): string => `${op.type}:${op.key}`;

export type NewAnswer = Omit<AnswerOp, "type" | "attempts" | "failures" | "retryAt" | "expectedVersion">;

export function enqueueMarks(
  ops: readonly OutboxOp[],
  marks: Pick<MarksOp, "key" | "cardId" | "before" | "change">,
): OutboxOp[] {
  return [...ops, { ...marks, type: "marks", attempts: 0, failures: 0, retryAt: 0 }];
}

export function enqueueAnswer(ops: readonly OutboxOp[], answer: NewAnswer): OutboxOp[] {
  return [
    ...ops,
    {
      ...answer,
      type: "answer",
      expectedVersion: answer.before.version,
      attempts: 0,
      failures: 0,
      retryAt: 0,
    },
  ];
}

/**
 * What is waiting, as the learner counts it: an answer taken back while both it and its undo are
 * still here is neither (3 offline answers and 1 undo are 2 answers waiting, not 4 operations);
 * an undo whose answer already reached the server is one undo waiting.
 */
export function waitingCounts(ops: readonly OutboxOp[]): WaitingCounts {
  const undone = new Set(ops.filter((op) => op.type === "undo").map((op) => op.key));
  const answered = new Set(ops.filter((op) => op.type === "answer").map((op) => op.key));
  return {
    answers: ops.filter((op) => op.type === "answer" && !undone.has(op.key)).length,
    undos: ops.filter((op) => op.type === "undo" && !answered.has(op.key)).length,
    marks: ops.filter((op) => op.type === "marks").length,
  };
}

// In its own module so the study page's first load can word the sync state without the outbox.
export { type WaitingCounts, waitingWords } from "./waiting-words";

/**
 * Takes back an answer. One that never left the browser is simply removed ("removed": the server
 * never hears of it); otherwise an undo op follows it ("queued"), and per-card ordering makes the
 * undo wait for the answer's own response.
 */
export function takeBack(
  ops: readonly OutboxOp[],
  inFlight: ReadonlySet<string>,
  answer: { key: string; cardId: string; before: CardSnapshot },
): { ops: OutboxOp[]; outcome: "removed" | "queued" } {
  const pending = ops.find((op) => op.type === "answer" && op.key === answer.key);
  if (pending && pending.attempts === 0 && !inFlight.has(opId(pending))) {
    return { ops: ops.filter((op) => op !== pending), outcome: "removed" };
  }
  const undo: UndoOp = { type: "undo", ...answer, attempts: 0, failures: 0, retryAt: 0 };
  return { ops: [...ops, undo], outcome: "queued" };
}

/**
 * The ops that may be sent now: the first op of each card (a card's second answer waits for its
 * first; its marks wait only for its earlier marks), not already in flight, past its backoff. In
 * outbox order, at most `limit`.
 */
export function sendable(
  ops: readonly OutboxOp[],
  inFlight: ReadonlySet<string>,
  now: number,
  limit = Number.POSITIVE_INFINITY,
): OutboxOp[] {
  const seen = new Set<string>();
  const result: OutboxOp[] = [];
  let busy = 0;
  for (const op of ops) {
    if (inFlight.has(opId(op))) busy++;
  }
  for (const op of ops) {
    // Marks are not schedule (the answer's upsert ORs its leech marks in, never overwrites them):
    // they keep their own order per card and do not wait for the card's answers.
    const lane = `${op.type === "marks" ? "marks" : "review"}:${op.cardId}`;
    if (seen.has(lane)) continue;
    seen.add(lane);
    if (inFlight.has(opId(op)) || op.retryAt > now) continue;
    if (result.length + busy >= limit) break;
    result.push(op);
  }
  return result;
}

/** When the earliest backed-off op may go again; null when none is waiting on a backoff. */
export function nextRetryAt(ops: readonly OutboxOp[], now: number): number | null {
  let next: number | null = null;
  for (const op of ops) {
    if (op.retryAt > now && (next === null || op.retryAt < next)) next = op.retryAt;
  }
  return next;
}

export function markStarted(ops: readonly OutboxOp[], id: string): OutboxOp[] {
  return ops.map((op) => (opId(op) === id ? { ...op, attempts: op.attempts + 1 } : op));
}

/** Coming back online (or signing in again) lets every backed-off op go at once. */
export function clearBackoff(ops: readonly OutboxOp[]): OutboxOp[] {
  return ops.map((op) => (op.retryAt === 0 ? op : { ...op, retryAt: 0 }));
}

const BACKOFF_START_MS = 1000;
const BACKOFF_MAX_MS = 30_000;

/** 1s, 2s, 4s … capped at 30s. */
export const backoffMs = (failures: number): number =>
  Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** Math.max(0, failures - 1));

/** A server response (or its absence), classified. */
export type SendOutcome =
  | { kind: "ok"; cardId: string; schedule: WireSchedule; version: number }
  /** 409 on an answer: the card changed elsewhere; `current` is its state now. */
  | { kind: "stale"; message: string; current: { cardId: string; schedule: WireSchedule; version: number } }
  /** 400, 404, 409 without a current state, or another 4xx: retrying cannot help. */
  | { kind: "refused"; status: number; message: string }
  /** A marks op was applied (the answer carries marks, not a schedule). */
  | { kind: "marked" }
  /** 401: the session expired; keep everything until the learner signs in again. */
  | { kind: "auth" }
  /** Network error, 5xx, 408, 429: keep and retry with backoff. */
  | { kind: "retry"; reason: "network" | "server" };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function isWireSchedule(value: unknown): value is WireSchedule {
  return (
    isRecord(value) &&
    typeof value.state === "string" &&
    typeof value.due === "number" &&
    typeof value.stability === "number" &&
    typeof value.difficulty === "number" &&
    typeof value.reps === "number" &&
    typeof value.lapses === "number" &&
    typeof value.learningSteps === "number" &&
    typeof value.scheduledDays === "number" &&
    (value.lastReview === null || typeof value.lastReview === "number")
  );
}

function cardState(value: unknown): { cardId: string; schedule: WireSchedule; version: number } | null {
  if (!isRecord(value)) return null;
  const { cardId, schedule, version } = value;
  if (typeof cardId !== "string" || typeof version !== "number" || !isWireSchedule(schedule)) return null;
  return { cardId, schedule, version };
}

/** Maps an HTTP status and parsed JSON body (null when unreadable) to what the outbox does next. */
export function classifyResponse(status: number, body: unknown): SendOutcome {
  const message =
    isRecord(body) && typeof body.error === "string" ? body.error : `The server answered ${status}.`;
  if (status === 401) return { kind: "auth" };
  if (status >= 200 && status < 300) {
    const state = cardState(body);
    return state ? { kind: "ok", ...state } : { kind: "retry", reason: "server" };
  }
  if (status === 409 && isRecord(body)) {
    const current = cardState(body.current);
    if (current) return { kind: "stale", message, current };
  }
  if (status === 408 || status === 429 || status >= 500) return { kind: "retry", reason: "server" };
  return { kind: "refused", status, message };
}

/** The same for a marks op, whose success carries the card's marks rather than its schedule. */
export function classifyMarksResponse(status: number, body: unknown): SendOutcome {
  if (status >= 200 && status < 300) return { kind: "marked" };
  if (status === 401) return { kind: "auth" };
  if (status === 408 || status === 429 || status >= 500) return { kind: "retry", reason: "server" };
  const message =
    isRecord(body) && typeof body.error === "string" ? body.error : `The server answered ${status}.`;
  return { kind: "refused", status, message };
}

/** What settling an op means for the study queue. */
export type SettleEvent =
  /** The server has this state for the card; `latest` when no later op of the card is waiting. */
  | { type: "saved"; op: OutboxOp; cardId: string; schedule: WireSchedule; version: number; latest: boolean }
  /** An answer was stale: it and every later op of the card were dropped; the card is `current` now. */
  | {
      type: "stale";
      op: OutboxOp;
      message: string;
      current: { cardId: string; schedule: WireSchedule; version: number };
      droppedKeys: string[];
    }
  /**
   * The server refused an op. For an answer, it and its undo are dropped and the card is back
   * to `op.before` on the server. A 404 on an undo means there was nothing to take back.
   */
  | { type: "refused"; op: OutboxOp; status: number; message: string; latest: boolean }
  | { type: "marked"; op: OutboxOp }
  | { type: "auth"; op: OutboxOp }
  | { type: "retry"; op: OutboxOp; reason: "network" | "server"; retryAt: number };

/** Applies a response to the outbox. Ops no longer in the outbox (e.g. dropped meanwhile) change nothing. */
export function settle(
  ops: readonly OutboxOp[],
  id: string,
  outcome: SendOutcome,
  now: number,
): { ops: OutboxOp[]; event: SettleEvent | null } {
  const op = ops.find((candidate) => opId(candidate) === id);
  if (!op) return { ops: [...ops], event: null };
  const without = ops.filter((candidate) => candidate !== op);
  const latestFor = (rest: readonly OutboxOp[], cardId: string) => !rest.some((o) => o.cardId === cardId);
  switch (outcome.kind) {
    case "ok":
      return {
        ops: without,
        event: {
          type: "saved",
          op,
          cardId: outcome.cardId,
          schedule: outcome.schedule,
          version: outcome.version,
          latest: latestFor(without, outcome.cardId),
        },
      };
    case "marked":
      return { ops: without, event: { type: "marked", op } };
    case "stale": {
      // Later answers of the card were given against the stale state: none of them can stand.
      // Its marks do not depend on the schedule: they still go.
      const dropped = ops.filter((o) => o.cardId === op.cardId && o.type !== "marks");
      return {
        ops: ops.filter((o) => !dropped.includes(o)),
        event: {
          type: "stale",
          op,
          message: outcome.message,
          current: outcome.current,
          droppedKeys: [...new Set(dropped.map((o) => o.key))],
        },
      };
    }
    case "refused": {
      // A refused answer takes its undo with it: there is nothing left to take back.
      const rest =
        op.type === "answer" ? without.filter((o) => !(o.type === "undo" && o.key === op.key)) : without;
      return {
        ops: rest,
        event: {
          type: "refused",
          op,
          status: outcome.status,
          message: outcome.message,
          latest: latestFor(rest, op.cardId),
        },
      };
    }
    case "auth":
      return { ops: [...ops], event: { type: "auth", op } };
    case "retry": {
      const failures = op.failures + 1;
      const retryAt = now + backoffMs(failures);
      return {
        ops: ops.map((o) => (o === op ? { ...o, failures, retryAt } : o)),
        event: { type: "retry", op, reason: outcome.reason, retryAt },
      };
    }
  }
}

/** The request for an op: path and JSON body. */
export function requestFor(op: OutboxOp): { path: string; body: Record<string, unknown> } {
  if (op.type === "undo") return { path: "/api/reviews/undo", body: { idempotencyKey: op.key } };
  if (op.type === "marks")
    return { path: `/api/cards/${encodeURIComponent(op.cardId)}/marks`, body: { ...op.change } };
  return {
    path: "/api/reviews",
    body: {
      idempotencyKey: op.key,
      cardId: op.cardId,
      rating: op.rating,
      expectedVersion: op.expectedVersion,
      answeredAt: op.answeredAt,
      durationMs: op.durationMs,
    },
  };
}

const STORAGE_PREFIX = "retain:study-outbox:v1:";

/** Small stable hash (FNV-1a, 32 bits) so a long card list makes a short storage key. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** The outbox's localStorage key: one per learner and study scope. */
export function outboxStorageKey(
  userId: string,
  scope: { deck: string | null; cardIds: string[] | null },
): string {
  const cards = scope.cardIds ? `:cards-${fnv1a([...scope.cardIds].sort().join(","))}` : "";
  return `${outboxStoragePrefix(userId)}${scope.deck ?? "*"}${cards}`;
}

/** Every outbox of this learner starts with this (so a study page can flush other scopes' leftovers). */
export const outboxStoragePrefix = (userId: string): string => `${STORAGE_PREFIX}${userId}:`;

export function serializeOutbox(ops: readonly OutboxOp[]): string {
  // Backoff is per page life: after a reload everything may go at once.
  return JSON.stringify(ops.map((op) => ({ ...op, failures: 0, retryAt: 0 })));
}

function isOp(value: unknown): value is OutboxOp {
  if (!isRecord(value)) return false;
  const base =
    typeof value.key === "string" &&
    typeof value.cardId === "string" &&
    typeof value.attempts === "number" &&
    isRecord(value.before) &&
    typeof value.before.version === "number" &&
    isWireSchedule(value.before.schedule);
  if (!base) return false;
  if (value.type === "undo") return true;
  if (value.type === "marks") return isRecord(value.change);
  return (
    value.type === "answer" &&
    typeof value.rating === "number" &&
    [1, 2, 3, 4].includes(value.rating) &&
    typeof value.expectedVersion === "number" &&
    typeof value.answeredAt === "number" &&
    typeof value.durationMs === "number"
  );
}

/** Reads a stored outbox; anything unreadable is skipped rather than blocking the page. */
export function parseOutbox(text: string | null): OutboxOp[] {
  if (!text) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.filter(isOp).map((op) => ({ ...op, failures: 0, retryAt: 0 }));
}

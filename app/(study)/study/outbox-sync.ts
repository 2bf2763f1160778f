import {
  classifyMarksResponse,
  classifyResponse,
  clearBackoff,
  enqueueAnswer,
  enqueueMarks,
  type MarksOp,
  markStarted,
  type NewAnswer,
  nextRetryAt,
  type OutboxOp,
  opId,
  outboxStoragePrefix,
  parseOutbox,
  requestFor,
  type SendOutcome,
  type SettleEvent,
  sendable,
  serializeOutbox,
  settle,
  takeBack,
  type WaitingCounts,
  waitingCounts,
} from "@/lib/study/outbox";
import { IDLE_SNAPSHOT, type SyncSnapshot } from "./sync-snapshot";

export { waitingWords } from "@/lib/study/outbox";

/** Requests at once, across cards (each card still has at most one). */
const CONCURRENCY = 3;

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // Storage disabled (e.g. some private modes): the outbox still works in memory.
  }
}

function writeStorage(key: string, ops: readonly OutboxOp[]): void {
  try {
    if (ops.length === 0) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, serializeOutbox(ops));
  } catch {
    // Full or disabled storage: keep going in memory; the beforeunload warning still protects it.
  }
}

async function post(op: OutboxOp): Promise<SendOutcome> {
  const { path, body } = requestFor(op);
  try {
    const response = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
      // Lets the last answer finish even if the tab closes right after it.
      keepalive: true,
    });
    const json: unknown = await response.json().catch(() => null);
    return op.type === "marks"
      ? classifyMarksResponse(response.status, json)
      : classifyResponse(response.status, json);
  } catch {
    return { kind: "retry", reason: "network" };
  }
}

/**
 * One persistent outbox (per learner and scope), sending in the background. It lives at module
 * level, not in the component, so answers keep going out after an in-app navigation away.
 */
export class OutboxSync {
  private ops: OutboxOp[];
  private readonly inFlight = new Set<string>();
  private problem: SyncSnapshot["problem"] = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private snapshot: SyncSnapshot = IDLE_SNAPSHOT;
  private started = false;
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: SettleEvent) => void>();

  constructor(private readonly storageKey: string) {
    this.ops = parseOutbox(readStorage(storageKey));
    this.refreshSnapshot();
  }

  get operations(): readonly OutboxOp[] {
    return this.ops;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SyncSnapshot => this.snapshot;

  onEvent(listener: (event: SettleEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /**
   * Starts (or, on a later visit to the page, resumes) sending: everything waiting goes at once.
   * Retries at once when the browser comes back online or the tab regains focus, and asks before
   * the tab closes while anything is unsent: the engine outlives the page component.
   */
  start(): void {
    if (!this.started) {
      this.started = true;
      window.addEventListener("online", this.retryNow);
      window.addEventListener("focus", this.retryIfStuck);
      document.addEventListener("visibilitychange", this.retryIfStuck);
      window.addEventListener("beforeunload", this.warnIfPending);
    }
    this.retryNow();
  }

  enqueue(answer: NewAnswer): void {
    this.update(enqueueAnswer(this.ops, answer));
    this.pump();
  }

  enqueueMarks(marks: Pick<MarksOp, "key" | "cardId" | "before" | "change">): void {
    this.update(enqueueMarks(this.ops, marks));
    this.pump();
  }

  /** See lib/study/outbox `takeBack`: "removed" when the server never heard of the answer. */
  takeBack(answer: Parameters<typeof takeBack>[2]): "removed" | "queued" {
    const result = takeBack(this.ops, this.inFlight, answer);
    this.update(result.ops);
    this.pump();
    return result.outcome;
  }

  retryNow = (): void => {
    this.problem = null;
    this.update(clearBackoff(this.ops));
    this.pump();
  };

  /** Whether sending has come to rest: nothing left, or stuck (offline, server error, signed out). */
  private get resting(): boolean {
    return this.ops.length === 0 || (this.inFlight.size === 0 && this.problem !== null);
  }

  /** Sends what is waiting and resolves once it is all saved or stuck, with what is still waiting. */
  drain(timeoutMs: number): Promise<WaitingCounts> {
    this.start();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        off();
        resolve(waitingCounts(this.ops));
      };
      const timer = setTimeout(finish, timeoutMs);
      const off = this.subscribe(() => {
        if (this.resting) finish();
      });
      if (this.resting) finish();
    });
  }

  /**
   * The account is deleted: nothing waiting can be saved any more, so it leaves memory and storage.
   * A request still in flight settles against the emptied outbox and writes nothing back.
   */
  discard(): void {
    this.stop();
    this.update([]);
  }

  /** Leaving the page on purpose (signing out): what is waiting stays stored, without a prompt. */
  stop(): void {
    clearTimeout(this.timer);
    this.started = false;
    window.removeEventListener("online", this.retryNow);
    window.removeEventListener("focus", this.retryIfStuck);
    document.removeEventListener("visibilitychange", this.retryIfStuck);
    window.removeEventListener("beforeunload", this.warnIfPending);
  }

  private warnIfPending = (event: BeforeUnloadEvent): void => {
    if (this.ops.length === 0) return;
    event.preventDefault();
    event.returnValue = "";
  };

  private retryIfStuck = (): void => {
    if (document.visibilityState === "visible" && this.problem !== null) this.retryNow();
  };

  private update(ops: OutboxOp[]): void {
    this.ops = ops;
    writeStorage(this.storageKey, ops);
    this.refreshSnapshot();
  }

  private refreshSnapshot(): void {
    const next: SyncSnapshot = {
      pending: this.ops.length,
      waiting: waitingCounts(this.ops),
      sending: this.inFlight.size > 0,
      problem: this.ops.length === 0 && this.problem !== "auth" ? null : this.problem,
      retryAt: nextRetryAt(this.ops, Date.now()),
    };
    const current = this.snapshot;
    if (
      next.pending === current.pending &&
      next.waiting.answers === current.waiting.answers &&
      next.waiting.undos === current.waiting.undos &&
      next.waiting.marks === current.waiting.marks &&
      next.sending === current.sending &&
      next.problem === current.problem &&
      next.retryAt === current.retryAt
    ) {
      return;
    }
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  private pump(): void {
    clearTimeout(this.timer);
    if (!this.started || this.problem === "auth") return;
    const now = Date.now();
    for (const op of sendable(this.ops, this.inFlight, now, CONCURRENCY)) void this.send(op);
    const next = nextRetryAt(this.ops, now);
    if (next !== null) this.timer = setTimeout(() => this.pump(), next - now);
  }

  private async send(op: OutboxOp): Promise<void> {
    const id = opId(op);
    this.inFlight.add(id);
    // Counted before the request leaves: from now on the server may have it (see takeBack).
    this.update(markStarted(this.ops, id));
    const outcome = await post(op);
    this.inFlight.delete(id);
    if (outcome.kind === "auth") this.problem = "auth";
    else if (outcome.kind === "retry") this.problem = outcome.reason === "network" ? "offline" : "server";
    else this.problem = null;
    const { ops, event } = settle(this.ops, id, outcome, Date.now());
    this.update(ops);
    if (event) for (const listener of this.eventListeners) listener(event);
    this.pump();
  }
}

const engines = new Map<string, OutboxSync>();

export function outboxSync(storageKey: string): OutboxSync {
  let engine = engines.get(storageKey);
  if (!engine) {
    engine = new OutboxSync(storageKey);
    engines.set(storageKey, engine);
  }
  return engine;
}

function storedOutboxKeys(userId: string): string[] {
  const prefix = outboxStoragePrefix(userId);
  try {
    return Object.keys(window.localStorage).filter((key) => key.startsWith(prefix));
  } catch {
    return [];
  }
}

/**
 * Before signing out: sends every answer and undo this learner has waiting on this device (any
 * study scope, or only in memory) and resolves with how many could not be sent (offline, server
 * error) within `timeoutMs`. Those stay stored under the learner's id.
 */
export async function drainOutboxes(userId: string, timeoutMs = 10_000): Promise<WaitingCounts> {
  const prefix = outboxStoragePrefix(userId);
  const keys = new Set([
    ...storedOutboxKeys(userId),
    ...[...engines.keys()].filter((k) => k.startsWith(prefix)),
  ]);
  const left = await Promise.all([...keys].map((key) => outboxSync(key).drain(timeoutMs)));
  return left.reduce(
    (sum, n) => ({
      answers: sum.answers + n.answers,
      undos: sum.undos + n.undos,
      marks: sum.marks + n.marks,
    }),
    {
      answers: 0,
      undos: 0,
      marks: 0,
    },
  );
}

/** Stops every outbox engine of the page (signing out): no "leave site?" prompt, nothing deleted. */
export function stopOutboxes(): void {
  for (const engine of engines.values()) engine.stop();
}

/**
 * After the learner's account was deleted: every outbox of theirs stops and is emptied, in this
 * page and in this browser's storage, so a shared device keeps nothing of theirs.
 */
export function forgetOutboxes(userId: string): void {
  const prefix = outboxStoragePrefix(userId);
  for (const [key, engine] of engines) {
    if (!key.startsWith(prefix)) continue;
    engine.discard();
    engines.delete(key);
  }
  for (const key of storedOutboxKeys(userId)) writeStorage(key, []);
}

/**
 * Answers left in this learner's other study scopes (a tab closed while offline) go out too;
 * idempotency keys make it safe if another tab sends them as well.
 */
export function flushOtherOutboxes(userId: string, currentKey: string): void {
  for (const key of storedOutboxKeys(userId)) if (key !== currentKey) outboxSync(key).start();
}

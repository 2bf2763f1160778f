import { Worker } from "node:worker_threads";

/**
 * What a request makes of each message the worker sends back for it: a final value or error, or
 * `undefined` for an intermediate message (progress), after which the request keeps waiting.
 */
export type ReplyOutcome<T> = { value: T } | { error: Error } | undefined;

export interface WorkerRequest<T, Reply> {
  /** The message's body; the client adds `id`. */
  payload: object;
  /** Buffers moved to the worker, not copied (the caller must not use them afterwards). */
  transfer?: ArrayBuffer[];
  onReply: (reply: Reply) => ReplyOutcome<T>;
  /**
   * The request fails with `timeout.error()` after `timeout.ms`, and the worker is stopped (a
   * stuck job must not hold it); its other requests fail with it, the next starts a new worker.
   */
  timeout?: { ms: number; error: () => Error };
}

export interface WorkerClientOptions {
  /** Said in errors: "The <name> worker stopped (exit code 1)". */
  name: string;
  /**
   * The worker's file. Workers run plain .mjs files found from the working directory, not
   * imports: Turbopack bundles server code, so a module-relative path would point into .next.
   */
  file: () => string | Promise<string>;
  /** An idle worker is ended after this long; the next request starts a new one. */
  idleMs: number;
}

interface Pending {
  on: Worker;
  onReply: (reply: never) => ReplyOutcome<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer?: ReturnType<typeof setTimeout>;
}

export interface WorkerClient {
  /** Sends `{ id, ...payload }` to the process's one worker (started on demand) and waits for its answer. */
  request<T, Reply extends { id: number }>(request: WorkerRequest<T, Reply>): Promise<T>;
  /** Whether a worker is running now (for tests and diagnostics). */
  readonly running: boolean;
}

/**
 * One worker thread per process for one kind of job, shared by every request: requests and replies
 * carry an id, the worker is held (ref'd) while requests are open and let go when idle, ended after
 * `idleMs` without work, and every open request fails when it stops.
 */
export function workerClient(options: WorkerClientOptions): WorkerClient {
  let worker: Worker | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const pending = new Map<number, Pending>();
  let nextId = 1;

  const busy = (on: Worker) => [...pending.values()].some((job) => job.on === on);

  const finish = (id: number) => {
    const job = pending.get(id);
    if (!job) return undefined;
    pending.delete(id);
    clearTimeout(job.timer);
    if (!busy(job.on) && worker === job.on) idle(job.on);
    return job;
  };

  // Let go of the process while idle (a script need not wait for the worker), and end it later.
  const idle = (running: Worker) => {
    running.unref();
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (worker === running && !busy(running)) {
        worker = null;
        void running.terminate();
      }
    }, options.idleMs);
    idleTimer.unref();
  };

  const start = (file: string) => {
    const started = new Worker(file);
    // Only this worker's requests fail with it: its exit may arrive after a new worker took over.
    const fail = (error: Error) => {
      if (worker === started) worker = null;
      for (const [id, job] of pending) {
        if (job.on !== started) continue;
        pending.delete(id);
        clearTimeout(job.timer);
        job.reject(error);
      }
    };
    started.on("message", (reply: { id: number }) => {
      const job = pending.get(reply.id);
      if (!job) return;
      const outcome = job.onReply(reply as never);
      if (!outcome) return;
      finish(reply.id);
      if ("error" in outcome) job.reject(outcome.error);
      else job.resolve(outcome.value);
    });
    started.on("error", fail);
    started.on("exit", (code) => fail(new Error(`The ${options.name} worker stopped (exit code ${code})`)));
    return started;
  };

  return {
    get running() {
      return worker !== null;
    },
    async request<T, Reply extends { id: number }>(request: WorkerRequest<T, Reply>): Promise<T> {
      const file = await options.file();
      clearTimeout(idleTimer);
      worker ??= start(file);
      const running = worker;
      running.ref();
      const id = nextId++;
      const answer = new Promise<T>((resolve, reject) => {
        const job: Pending = {
          on: running,
          onReply: request.onReply as Pending["onReply"],
          resolve: resolve as Pending["resolve"],
          reject,
        };
        const { timeout } = request;
        if (timeout) {
          job.timer = setTimeout(() => {
            if (!finish(id)) return;
            reject(timeout.error());
            if (worker === running) worker = null;
            void running.terminate();
          }, timeout.ms);
        }
        pending.set(id, job);
      });
      running.postMessage({ ...request.payload, id }, request.transfer ?? []);
      return answer;
    },
  };
}

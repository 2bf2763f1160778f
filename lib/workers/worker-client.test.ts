import path from "node:path";
import { describe, expect, it } from "vitest";
import { type ReplyOutcome, workerClient } from "./worker-client";

type Reply = { id: number } & (
  | { type: "done"; value: unknown }
  | { type: "progress"; step: number }
  | { type: "error"; message: string }
);

const file = () => path.join(process.cwd(), "lib", "workers", "fixtures", "test.worker.mjs");

function client(idleMs = 60_000) {
  const workers = workerClient({ name: "test", file, idleMs });
  const ask = (payload: object, extra: { onProgress?: (step: number) => void; timeoutMs?: number } = {}) =>
    workers.request<unknown, Reply>({
      payload,
      onReply: (reply): ReplyOutcome<unknown> => {
        if (reply.type === "progress") return void extra.onProgress?.(reply.step);
        if (reply.type === "error") return { error: new Error(reply.message) };
        return { value: reply.value };
      },
      ...(extra.timeoutMs ? { timeout: { ms: extra.timeoutMs, error: () => new Error("too slow") } } : {}),
    });
  return { workers, ask };
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe("workerClient", { timeout: 20_000 }, () => {
  it("matches replies to requests by id, whatever order they come back in", async () => {
    const { ask } = client();
    const answers = await Promise.all([
      ask({ op: "echo", value: "first", delay: 60 }),
      ask({ op: "echo", value: "second", delay: 0 }),
      ask({ op: "echo", value: "third", delay: 30 }),
    ]);
    expect(answers).toEqual(["first", "second", "third"]);
  });

  it("passes intermediate replies on and settles on the final one", async () => {
    const { ask } = client();
    const steps: number[] = [];
    expect(await ask({ op: "progress" }, { onProgress: (step) => steps.push(step) })).toBe("finished");
    expect(steps).toEqual([1, 2, 3]);
    await expect(ask({ op: "fail" })).rejects.toThrow("bad input");
  });

  it("moves transferred buffers to the worker", async () => {
    const { workers } = client();
    const bytes = new Uint8Array(1000);
    const length = await workers.request<unknown, Reply>({
      payload: { op: "bytes", bytes: bytes.buffer },
      transfer: [bytes.buffer],
      onReply: (reply) => (reply.type === "done" ? { value: reply.value } : { error: new Error("?") }),
    });
    expect(length).toBe(1000);
    expect(bytes.byteLength).toBe(0);
  });

  it("fails every open request when the worker dies, and starts a new one for the next", async () => {
    const { workers, ask } = client();
    const waiting = ask({ op: "hang" });
    const dying = ask({ op: "die" });
    await expect(dying).rejects.toThrow("The test worker stopped (exit code 3)");
    await expect(waiting).rejects.toThrow("The test worker stopped (exit code 3)");
    expect(workers.running).toBe(false);
    expect(await ask({ op: "echo", value: "again" })).toBe("again");
    expect(workers.running).toBe(true);
  });

  it("stops a request that runs past its time limit; the next request gets a new worker", async () => {
    const { workers, ask } = client();
    await expect(ask({ op: "hang" }, { timeoutMs: 50 })).rejects.toThrow("too slow");
    expect(workers.running).toBe(false);
    expect(await ask({ op: "echo", value: "after" })).toBe("after");
  });

  it("ends the worker when it has been idle for idleMs", async () => {
    const { workers, ask } = client(50);
    expect(await ask({ op: "echo", value: 1 })).toBe(1);
    expect(workers.running).toBe(true);
    await until(() => !workers.running);
    expect(await ask({ op: "echo", value: 2 })).toBe(2);
  });
});

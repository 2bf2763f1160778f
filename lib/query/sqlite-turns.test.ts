import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";

describe("turns on the SQLite connection", () => {
  const connection = new Database(":memory:");
  afterEach(() => vi.resetModules());

  it("are one queue per connection even when the module is loaded twice", async () => {
    // The server bundles this module once for the app's routes and once for pages/api/reviews.ts.
    const first = await import("./sqlite-turns");
    vi.resetModules();
    const second = await import("./sqlite-turns");
    expect(second).not.toBe(first);
    expect(second.turnsOf(connection)).toBe(first.turnsOf(connection));

    // So a turn taken through one copy holds off the other until it ends.
    const end = await first.turnsOf(connection).take();
    let secondGotIt = false;
    const waiting = second
      .turnsOf(connection)
      .take()
      .then((release) => {
        secondGotIt = true;
        release();
      });
    await new Promise((resolve) => setImmediate(resolve));
    expect(secondGotIt).toBe(false);
    end();
    await waiting;
    expect(secondGotIt).toBe(true);
  });
});

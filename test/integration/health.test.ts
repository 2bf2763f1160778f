import { describe, expect, it, vi } from "vitest";
import { checkDatabase } from "@/lib/data/health";
import { databaseUrl, providerOf } from "@/lib/database-url";
import { sqlite } from "@/lib/sqlite-connection";

const onSqlite = providerOf(databaseUrl()) === "sqlite";

describe("database health", () => {
  it("is ok when the database answers reads and takes a write", async () => {
    expect(await checkDatabase()).toEqual({ ok: true, writable: true, decks: expect.any(Number) });
  });

  it.runIf(onSqlite)(
    "reports a database that refuses writes (read-only), where a read alone said ok",
    async () => {
      const error = vi.spyOn(console, "error").mockImplementation(() => {});
      // SQLite's own refusal on the connection reviews write through: SQLITE_READONLY, as for a
      // read-only file or mount (root ignores file modes, so a chmod would not do it here).
      sqlite().pragma("query_only = ON");
      try {
        expect(await checkDatabase()).toEqual({
          ok: false,
          writable: false,
          decks: expect.any(Number),
          error: "The database refuses writes: its storage is full or read-only.",
        });
        expect(error).toHaveBeenCalledWith("[health] write probe failed", expect.anything());
      } finally {
        sqlite().pragma("query_only = OFF");
        error.mockRestore();
      }
      expect((await checkDatabase()).ok).toBe(true);
    },
  );
});

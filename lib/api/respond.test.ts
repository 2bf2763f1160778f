import { describe, expect, it, vi } from "vitest";
import { errorResponse, isStorageUnavailable, STORAGE_UNAVAILABLE_MESSAGE } from "./respond";

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe("errorResponse for a database that cannot store anything", () => {
  it("answers 503 with a clear, retryable message for a full disk or a read-only database", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const error of [
        withCode("SQLITE_FULL"),
        withCode("SQLITE_READONLY"),
        withCode("SQLITE_READONLY_DBMOVED"),
        withCode("SQLITE_IOERR_WRITE"),
        withCode("53100"), // PostgreSQL disk_full
        withCode("25006"), // PostgreSQL read_only_sql_transaction
        Object.assign(new Error("wrapped"), { cause: withCode("SQLITE_FULL") }),
      ]) {
        expect(isStorageUnavailable(error), error.message).toBe(true);
        const response = errorResponse(error);
        expect(response.status, error.message).toBe(503);
        expect(response.headers.get("retry-after")).toBe("30");
        expect(await response.json()).toEqual({ error: STORAGE_UNAVAILABLE_MESSAGE, retryable: true });
      }
      expect(log).toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });

  it("leaves other database errors a logged 500", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const error of [withCode("SQLITE_CONSTRAINT_UNIQUE"), withCode("23505"), new Error("boom")]) {
        expect(isStorageUnavailable(error)).toBe(false);
        expect(errorResponse(error).status).toBe(500);
      }
    } finally {
      log.mockRestore();
    }
  });
});

import { describe, expect, it } from "vitest";
import { toPostgresSql } from "./translate";

describe("toPostgresSql", () => {
  it("numbers positional parameters and quotes camelCase identifiers", () => {
    expect(toPostgresSql('SELECT cardId, state FROM "CardState" WHERE userId = ? AND due <= ?')).toEqual({
      text: 'SELECT "cardId", state FROM "CardState" WHERE "userId" = $1 AND due <= $2',
      names: null,
    });
  });

  it("maps named parameters to numbers, reusing the number of a repeated name", () => {
    const out = toPostgresSql("UPDATE t SET a = @value WHERE userId = @userId AND b = @value");
    expect(out.text).toBe('UPDATE t SET a = $1 WHERE "userId" = $2 AND b = $1');
    expect(out.names).toEqual(["value", "userId"]);
  });

  it("leaves string literals, quoted identifiers and lower/upper-case words alone", () => {
    const out = toPostgresSql(
      `SELECT 'don''t ? @x camelCase', "ReviewLog"."userId", COUNT(*) AS dueCount FROM x`,
    );
    expect(out.text).toBe(
      `SELECT 'don''t ? @x camelCase', "ReviewLog"."userId", COUNT(*) AS "dueCount" FROM x`,
    );
  });

  it("drops line comments, which may contain anything", () => {
    expect(toPostgresSql("SELECT 1 -- what? @x\nFROM t").text).toBe("SELECT 1 \nFROM t");
  });

  it("refuses a mix of parameter styles", () => {
    expect(() => toPostgresSql("SELECT ? , @a")).toThrow(/Mix/);
  });
});

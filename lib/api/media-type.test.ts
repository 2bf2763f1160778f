import { describe, expect, it } from "vitest";
import { isJsonMediaType } from "./media-type";

describe("isJsonMediaType", () => {
  it("accepts application/json in any case, with a UTF-8 charset or other parameters", () => {
    for (const header of [
      "application/json",
      "APPLICATION/JSON",
      " application/json ",
      "application/json; charset=utf-8",
      "application/json;charset=UTF-8",
      'application/json; charset="utf-8"',
      "application/json; profile=x",
      "application/json;",
    ]) {
      expect(isJsonMediaType(header), header).toBe(true);
    }
  });

  it("refuses types a page on another origin can send without a preflight, and near misses", () => {
    for (const header of [
      null,
      "",
      "text/plain;application/json",
      "text/plain; application/json",
      "text/plain",
      "application/x-www-form-urlencoded; application/json",
      "multipart/form-data; boundary=application/json",
      "application/jsonx",
      "application/json-patch+json",
      "text/json",
      "application/json, text/plain",
      "application/json; charset=utf-16",
      "application/json; application/json",
    ]) {
      expect(isJsonMediaType(header), String(header)).toBe(false);
    }
  });
});

import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { assertFormData, NOT_A_FORM } from "./form-data";

describe("assertFormData", () => {
  it("lets FormData through", () => {
    expect(() => assertFormData(new FormData())).not.toThrow();
  });

  it("refuses anything else a client can send an action with a form error, not a TypeError", () => {
    for (const value of [undefined, null, 5, "text", [], {}, new Map([["name", "x"]]), { get: () => "x" }]) {
      expect(() => assertFormData(value)).toThrow(new ValidationError(NOT_A_FORM));
    }
  });
});

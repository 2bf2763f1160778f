import { describe, expect, it } from "vitest";
import { cardBrowserQuerySchema } from "./card-browser";

describe("cardBrowserQuerySchema", () => {
  it("reads the filter form's empty fields as no filter (an empty flag is not 'any flag')", () => {
    const query = cardBrowserQuerySchema.parse({
      q: "Phylloquinone",
      deck: "",
      state: "learning",
      evidence: "",
      due: "",
      flag: "",
      lapses: "",
    });
    expect(query).toMatchObject({ q: "Phylloquinone", state: "learning" });
    expect(query.flag).toBeUndefined();
    expect(query.deck).toBeUndefined();
    expect(cardBrowserQuerySchema.parse({ flag: "0" }).flag).toBe(0);
    expect(cardBrowserQuerySchema.parse({ flag: "9" }).flag).toBeUndefined();
  });
});

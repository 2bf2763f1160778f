import { describe, expect, it } from "vitest";
import { readCappedBody } from "./capped-body";

class TooLarge extends Error {}
const tooLarge = () => new TooLarge("too large");

/** A request whose body arrives in chunks, with no Content-Length; counts the chunks pulled. */
function streamed(chunks: number, size: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
  const request = new Request("http://app.example/api", {
    method: "POST",
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("readCappedBody", () => {
  it("returns a body up to the limit, byte for byte", async () => {
    const { request } = streamed(4, 256);
    const bytes = await readCappedBody(request, 1024, tooLarge);
    expect(bytes.byteLength).toBe(1024);
    expect(new TextDecoder().decode(bytes.slice(0, 3))).toBe("aaa");
  });

  it("stops reading a streamed body as soon as it passes the limit", async () => {
    const { request, pulled } = streamed(1000, 256);
    await expect(readCappedBody(request, 1024, tooLarge)).rejects.toBeInstanceOf(TooLarge);
    expect(pulled()).toBeLessThan(10);
  });

  it("refuses a declared length past the limit before reading", async () => {
    const request = new Request("http://app.example/api", {
      method: "POST",
      body: "x".repeat(2000),
      headers: { "content-length": "2000" },
    });
    await expect(readCappedBody(request, 1024, tooLarge)).rejects.toBeInstanceOf(TooLarge);
    expect(request.bodyUsed).toBe(false);
  });
});

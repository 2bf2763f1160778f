import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { nodeHeaders, readNodeJson } from "./node-route";
import { BodyTooLargeError, UnsupportedMediaTypeError } from "./respond";

const schema = z.object({ n: z.number() });

/** A real server whose one request is read with readNodeJson; resolves with what it returned or threw. */
async function serve(limit: number) {
  let settle: (value: unknown) => void = () => {};
  const outcome = new Promise((resolve) => {
    settle = resolve;
  });
  const server = http.createServer((request, response) => {
    const done = (value: unknown) => {
      settle(value);
      response.end();
    };
    readNodeJson(request, schema, limit).then(done, done);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { port: (server.address() as AddressInfo).port, outcome };
}
const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

function send(port: number, headers: http.OutgoingHttpHeaders, chunks: string[], abort = false) {
  const request = http.request({ port, host: "127.0.0.1", method: "POST", headers });
  request.on("error", () => {});
  for (const chunk of chunks) request.write(chunk);
  if (abort) setTimeout(() => request.destroy(), 50);
  else request.end();
}

describe("readNodeJson", () => {
  it("parses a JSON body sent in chunks", async () => {
    const { port, outcome } = await serve(1024);
    send(port, { "content-type": "application/json" }, ['{"n":', "4", "2}"]);
    expect(await outcome).toEqual({ n: 42 });
  });

  it("refuses a streamed body past the limit without waiting for its end", async () => {
    const { port, outcome } = await serve(1024);
    // No Content-Length and never ended: only the byte count can stop it.
    send(port, { "content-type": "application/json" }, ["[", "1,".repeat(600)], true);
    expect(await outcome).toBeInstanceOf(BodyTooLargeError);
  });

  it("refuses a declared length past the limit before reading", async () => {
    const { port, outcome } = await serve(1024);
    send(port, { "content-type": "application/json", "content-length": "5000" }, ["{}"], true);
    expect(await outcome).toBeInstanceOf(BodyTooLargeError);
  });

  it("answers a client that goes away mid-body with a 400, not a request left hanging", async () => {
    const { port, outcome } = await serve(1024);
    send(port, { "content-type": "application/json", "content-length": "100" }, ['{"n":'], true);
    const error = (await outcome) as { status?: number; message?: string };
    expect(error.status).toBe(400);
    expect(error.message).toBe("The request body could not be read.");
  });

  it("refuses another media type before reading", async () => {
    const { port, outcome } = await serve(1024);
    send(port, { "content-type": "text/plain;application/json" }, ['{"n":1}']);
    expect(await outcome).toBeInstanceOf(UnsupportedMediaTypeError);
  });
});

describe("nodeHeaders", () => {
  it("reads a Node request's headers as a web Headers does", () => {
    const request = { headers: { origin: "http://a.example", "x-forwarded-for": ["1.1.1.1", "2.2.2.2"] } };
    const headers = nodeHeaders(request as unknown as http.IncomingMessage);
    expect(headers.get("Origin")).toBe("http://a.example");
    expect(headers.get("x-forwarded-for")).toBe("1.1.1.1, 2.2.2.2");
    expect(headers.get("sec-fetch-site")).toBeNull();
  });
});

import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";

const review = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(),
  cardId: "mk-c01",
  rating: 3,
  expectedVersion: 0,
  answeredAt: Date.now(),
  durationMs: 1200,
  ...overrides,
});

test("an anonymous review submit is refused with 401 and a clear message", async ({ request }) => {
  const response = await request.post("/api/reviews", { data: review() });
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: "Please sign in to continue." });
});

test("review submits: bad input is a 4xx that says why; repeats and stale answers are handled", async ({
  page,
  account,
}) => {
  await account.signUp("learner");
  const api = page.request;

  const malformed = await api.post("/api/reviews", {
    headers: { "content-type": "application/json" },
    data: Buffer.from("{not json"),
  });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error).toBe("The request body is not valid JSON.");

  const badRating = await api.post("/api/reviews", { data: review({ rating: 7, __proto__: { x: 1 } }) });
  expect(badRating.status()).toBe(400);
  expect((await badRating.json()).fields.rating[0]).toMatch(/1 \(Again\) to 4 \(Easy\)/);

  const unknown = await api.post("/api/reviews", { data: review({ cardId: "no-such-card" }) });
  expect(unknown.status()).toBe(404);

  const first = review();
  const recorded = await api.post("/api/reviews", { data: first });
  expect(recorded.status()).toBe(200);
  expect(await recorded.json()).toMatchObject({ status: "recorded", cardId: "mk-c01", version: 1 });

  const repeated = await api.post("/api/reviews", { data: first });
  expect(await repeated.json()).toMatchObject({ status: "duplicate", version: 1 });

  const stale = await api.post("/api/reviews", { data: review({ rating: 1 }) });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).current).toMatchObject({ cardId: "mk-c01", version: 1 });

  const undone = await api.post("/api/reviews/undo", { data: { idempotencyKey: first.idempotencyKey } });
  expect(undone.status()).toBe(200);
  expect((await undone.json()).schedule.state).toBe("new");
});

test("one learner cannot answer another learner's quiz", async ({ page, account, browser }) => {
  await account.signUp("learner");
  await page.goto("/decks/mk4-vs-mk7/quiz");
  await page.getByRole("button", { name: /start/i }).click();
  await expect(page).toHaveURL(/\/quiz\/[^/]+$/);
  const attemptId = new URL(page.url()).pathname.split("/").pop();

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const { AccountPages } = await import("./fixtures");
  await new AccountPages(otherPage).signUp("learner");
  const response = await otherPage.request.post(`/api/quiz/${attemptId}/answers`, {
    data: { itemId: "mk-q01", response: { choice: "x" }, durationMs: 10 },
  });
  expect(response.status()).toBe(404);
  expect(await response.json()).toEqual({ error: "This quiz does not exist." });
  await other.close();
});

test("JSON routes refuse requests forged by another origin of the same host and non-JSON bodies", async ({
  page,
  account,
  baseURL,
}) => {
  await account.signUp("learner");
  const api = page.request;
  const own = new URL(baseURL ?? "");
  const otherPort = `${own.protocol}//${own.hostname}:${Number(own.port) === 1 ? 2 : Number(own.port) - 1}`;
  const attempts: { headers: Record<string, string>; status: number }[] = [
    { headers: { origin: otherPort }, status: 403 },
    { headers: { origin: "null" }, status: 403 },
    { headers: { "sec-fetch-site": "same-site" }, status: 403 },
    // What the attacking page sent: a "simple" type that needs no CORS preflight.
    { headers: { origin: own.origin, "content-type": "text/plain;application/json" }, status: 415 },
    { headers: { "content-type": "text/plain" }, status: 415 },
  ];
  for (const { headers, status } of attempts) {
    for (const path of ["/api/reviews", "/api/reviews/undo", "/api/parameters/jobs"]) {
      const body =
        path === "/api/reviews/undo"
          ? { idempotencyKey: randomUUID() }
          : path === "/api/reviews"
            ? review()
            : { scope: "personal" };
      const response = await api.post(path, {
        headers: { "content-type": "application/json", ...headers },
        data: Buffer.from(JSON.stringify(body)),
      });
      expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBe(status);
      expect((await response.json()).error).toMatch(
        status === 403 ? /did not come from Retain/ : /application\/json/,
      );
    }
  }
  // Nothing was recorded: the card is still at version 0, and the app's own origin is accepted.
  const accepted = await api.post("/api/reviews", {
    headers: {
      origin: own.origin,
      "sec-fetch-site": "same-origin",
      "content-type": "application/json; charset=utf-8",
    },
    data: Buffer.from(JSON.stringify(review())),
  });
  expect(accepted.status()).toBe(200);
  expect(await accepted.json()).toMatchObject({ status: "recorded", version: 1 });
});

test("a page on another port of the same host cannot record a review with the learner's cookie", async ({
  page,
  account,
  baseURL,
}) => {
  await account.signUp("learner");
  const target = new URL(baseURL ?? "");
  // The attacker's page: same host (so the SameSite=Lax cookie goes along), another port.
  const attacker = http.createServer((_, response) => {
    response.setHeader("content-type", "text/html");
    response.end("<!doctype html><title>attacker</title>");
  });
  await new Promise<void>((resolve) => attacker.listen(0, target.hostname, resolve));
  const { port } = attacker.address() as AddressInfo;
  try {
    await page.goto(`http://${target.hostname}:${port}/`);
    const sent = await page.evaluate(
      async ({ url, body }) => {
        // What the attack did: no preflight (a "simple" content type), cookies included.
        await fetch(url, {
          method: "POST",
          mode: "no-cors",
          credentials: "include",
          headers: { "content-type": "text/plain;application/json" },
          body,
        });
        return true;
      },
      { url: `${target.origin}/api/reviews`, body: JSON.stringify(review()) },
    );
    expect(sent).toBe(true);
  } finally {
    attacker.close();
  }
  // Nothing was recorded: the card is still at version 0 for the learner.
  const own = await page.request.post(`${target.origin}/api/reviews`, { data: review() });
  expect(await own.json()).toMatchObject({ status: "recorded", version: 1 });
});

/** Sends a JSON body in chunks without a Content-Length, as a client streaming an upload does. */
function streamJson(url: string, cookie: string, origin: string, body: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", "transfer-encoding": "chunked", cookie, origin },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    // A server that answers early may close before the last chunk: the answer is what counts.
    request.on("error", (error) => (error.message.includes("EPIPE") ? undefined : reject(error)));
    for (let i = 0; i < body.length; i += 8192) request.write(body.slice(i, i + 8192));
    request.end();
  });
}

test("JSON routes refuse a body past 64 KB with 413, declared or streamed, and record nothing", async ({
  page,
  account,
  baseURL,
}) => {
  await account.signUp("learner");
  const api = page.request;
  const padded = (data: Record<string, unknown>) => JSON.stringify({ ...data, padding: "x".repeat(70_000) });
  const cookie = (await page.context().cookies()).map((entry) => `${entry.name}=${entry.value}`).join("; ");
  const origin = new URL(baseURL ?? "").origin;

  // The review submit (a Pages Router API route) and the undo (a route handler), declared length.
  for (const [path, data] of [
    ["/api/reviews", review()],
    ["/api/reviews/undo", { idempotencyKey: randomUUID() }],
  ] as const) {
    const declared = await api.post(path, {
      headers: { "content-type": "application/json" },
      data: Buffer.from(padded(data)),
    });
    expect(declared.status(), path).toBe(413);
    expect((await declared.json()).error).toBe("The request body is larger than 64 KB.");

    const streamed = await streamJson(`${origin}${path}`, cookie, origin, padded(data));
    expect(streamed.status, path).toBe(413);
    expect(JSON.parse(streamed.text).error).toBe("The request body is larger than 64 KB.");
  }
  // Nothing was recorded: the card is still at version 0.
  const own = await api.post("/api/reviews", { data: review() });
  expect(await own.json()).toMatchObject({ status: "recorded", version: 1 });
});

test("the review submit answers other methods with 405 and the methods it takes", async ({ request }) => {
  const get = await request.get("/api/reviews");
  expect(get.status()).toBe(405);
  expect(get.headers().allow).toBe("OPTIONS, POST");
  const options = await request.fetch("/api/reviews", { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers().allow).toBe("OPTIONS, POST");
  // The API's security headers come with it, as with every route handler's answer.
  expect(get.headers()["x-content-type-options"]).toBe("nosniff");
});

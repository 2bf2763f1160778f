import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { AppError, ValidationError } from "@/lib/errors";
import { isJsonMediaType } from "./media-type";
import {
  BodyTooLargeError,
  errorReply,
  JSON_BODY_LIMIT,
  UnsupportedMediaTypeError,
  validateJson,
} from "./respond";
import { assertSameOrigin, type HeaderReader } from "./same-origin";

/**
 * The pieces of a route handler for a Pages Router API route (pages/api), which Next hands the
 * Node request and response as they are. Only the review submit is served that way: a route
 * handler pays for a web Request and web streams around both bodies on every call, about twice
 * the CPU of the review's own work (issue 18). Everything the route handlers check is checked
 * here too, with the same functions and the same answers.
 */

/** A Node request's headers read like a web `Headers` (a repeated header joined with ", "). */
export function nodeHeaders(request: IncomingMessage): HeaderReader {
  return {
    get(name: string) {
      const value = request.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

/** The request's own URL as the server saw it (the same-origin check falls back to its scheme). */
function ownUrl(request: IncomingMessage): string {
  const encrypted = (request.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  return `${encrypted ? "https" : "http"}://${request.headers.host ?? "localhost"}${request.url ?? "/"}`;
}

/** 403 unless the request came from this app's own pages (or from no browser), as route handlers check. */
export function assertNodeSameOrigin(request: IncomingMessage): void {
  assertSameOrigin({ headers: nodeHeaders(request), url: ownUrl(request) });
}

/** A method the route does not answer: 405 with the ones it does. */
export class MethodNotAllowedError extends AppError {
  constructor(allowed: string[]) {
    super(`Use ${allowed.join(" or ")} here.`, 405);
  }
}

/**
 * Answers what a route handler answers for a method it does not export: OPTIONS is a 204 naming
 * the allowed methods, anything else a 405. Returns whether the request may go on.
 */
export function allowMethods(request: IncomingMessage, response: ServerResponse, allowed: string[]): boolean {
  const method = request.method ?? "GET";
  if (allowed.includes(method)) return true;
  const allow = ["OPTIONS", ...allowed].join(", ");
  if (method === "OPTIONS") {
    response.writeHead(204, { Allow: allow });
    response.end();
    return false;
  }
  response.setHeader("Allow", allow);
  sendError(response, new MethodNotAllowedError(allowed), method === "HEAD");
  return false;
}

/**
 * Reads a JSON body of at most `limit` bytes and checks it against the schema: 415 for another
 * media type, 413 past the limit (a declared length is refused before a byte is read), 400 for
 * malformed JSON or a wrong shape. Requires `export const config = { api: { bodyParser: false } }`.
 */
export async function readNodeJson<T extends z.ZodType>(
  request: IncomingMessage,
  schema: T,
  limit = JSON_BODY_LIMIT,
): Promise<z.infer<T>> {
  const type = request.headers["content-type"];
  if (!isJsonMediaType(type ?? null)) throw new UnsupportedMediaTypeError();
  // A declared length past the limit is refused before a byte is read.
  if (Number(request.headers["content-length"] ?? "NaN") > limit) throw new BodyTooLargeError(limit);
  const text = await readText(request, limit);
  return validateJson(text, schema);
}

/** The body as UTF-8 text; stops reading (413) once it passes `limit` bytes. A broken upload is a 400. */
function readText(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (error?: Error) => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onBroken);
      request.off("close", onBroken);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks).toString("utf8"));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else {
        // The rest of an oversized body is drained, never buffered.
        settle(new BodyTooLargeError(limit));
        request.resume();
      }
    };
    const onEnd = () => settle();
    // A client that goes away mid-body: an error, or 'close' without 'end'.
    const onBroken = () => settle(new ValidationError("The request body could not be read."));
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onBroken);
    request.on("close", onBroken);
  });
}

/** A JSON answer, written directly (no ETag or body rewriting on the way). */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  headOnly = false,
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
  });
  response.end(headOnly ? undefined : text);
}

/** `errorReply`'s answer for an error, as the route handlers give it. */
export function sendError(response: ServerResponse, error: unknown, headOnly = false): void {
  const { status, body, headers } = errorReply(error);
  sendJson(response, status, body, headers, headOnly);
}

import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { AppError, ValidationError } from "@/lib/errors";
import { readCappedBody } from "./capped-body";
import { isJsonMediaType } from "./media-type";

const BUSY_RETRY_AFTER_SECONDS = 1;

/**
 * Another connection held the write lock past the busy timeout: better-sqlite3 throws
 * SQLITE_BUSY (for a review at BEGIN IMMEDIATE, before anything was written), Prisma P1008.
 * Retryable, so a 503 rather than a 500; the study outbox sends the same key again.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code === "P1008");
}

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (typeof value !== "object" || value === null || depth > 3) return;
    const { code, originalCode, cause, meta } = value as Record<string, unknown>;
    for (const candidate of [code, originalCode]) if (typeof candidate === "string") codes.push(candidate);
    visit(cause, depth + 1);
    visit((meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError, depth + 1);
  };
  visit(error, 0);
  return codes;
}

/** PostgreSQL's disk_full, insufficient_resources, io_error and read_only_sql_transaction. */
const POSTGRES_STORAGE_CODES = new Set(["53100", "53000", "58030", "25006"]);

/**
 * The database cannot store anything: a full disk (SQLITE_FULL, PostgreSQL 53100), a read-only
 * file or mount (SQLITE_READONLY*, 25006) or an I/O error. Not the client's fault and nothing
 * was written, so a 503 the study outbox retries later, not a 500 (issue 13).
 */
export function isStorageUnavailable(error: unknown): boolean {
  return errorCodes(error).some(
    (code) =>
      code === "SQLITE_FULL" ||
      code.startsWith("SQLITE_READONLY") ||
      code.startsWith("SQLITE_IOERR") ||
      POSTGRES_STORAGE_CODES.has(code),
  );
}

export const STORAGE_UNAVAILABLE_MESSAGE =
  "Retain cannot save anything right now (its storage is full or read-only). Nothing was lost on " +
  "this device: your answers are sent again once it can.";
const STORAGE_RETRY_AFTER_SECONDS = 30;

/** An error as the API answers it: status, JSON body and any extra headers. */
export interface ErrorReply {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * Maps expected errors to their status and a message safe to show, a busy database or one
 * that cannot store anything to a 503, anything else to a logged 500.
 */
export function errorReply(error: unknown): ErrorReply {
  if (error instanceof AppError) {
    const body: Record<string, unknown> = { error: error.message };
    if (error instanceof ValidationError && Object.keys(error.fieldErrors).length)
      body.fields = error.fieldErrors;
    Object.assign(body, error.details);
    return { status: error.status, body };
  }
  if (isDatabaseBusy(error)) {
    console.warn("[api] database busy, answered 503:", error instanceof Error ? error.message : error);
    return {
      status: 503,
      body: { error: "The database is busy. Please try again in a moment.", retryable: true },
      headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) },
    };
  }
  if (isStorageUnavailable(error)) {
    // The operator must act (free space, fix permissions): an error, not a warning.
    console.error("[api] the database cannot store anything, answered 503:", error);
    return {
      status: 503,
      body: { error: STORAGE_UNAVAILABLE_MESSAGE, retryable: true },
      headers: { "Retry-After": String(STORAGE_RETRY_AFTER_SECONDS) },
    };
  }
  console.error("[api] unexpected error", error);
  return { status: 500, body: { error: "Something went wrong on our side. Please try again." } };
}

/** `errorReply` as a route handler's response. */
export function errorResponse(error: unknown): NextResponse {
  const { status, body, headers } = errorReply(error);
  return NextResponse.json(body, { status, headers });
}

/** A body sent as anything but JSON: 415. */
export class UnsupportedMediaTypeError extends AppError {
  constructor() {
    super("Send the request body as application/json (UTF-8).", 415);
  }
}

/** The largest JSON body an API route reads; every one of them takes a few hundred bytes. */
export const JSON_BODY_LIMIT = 64 * 1024;

/** A body past JSON_BODY_LIMIT: 413, refused before it is parsed. */
export class BodyTooLargeError extends AppError {
  constructor(limit: number) {
    super(`The request body is larger than ${Math.round(limit / 1024)} KB.`, 413);
  }
}

/**
 * Parses a JSON body's text and checks it against the schema: malformed JSON or a wrong shape is
 * a 400 with the reasons. Shared by the route handlers and the review submit's Node route.
 */
export function validateJson<T extends z.ZodType>(text: string, schema: T): z.infer<T> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ValidationError("The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".") || "body";
      fields[key] = [...(fields[key] ?? []), issue.message];
    }
    throw new ValidationError("The request is not valid.", fields);
  }
  return parsed.data;
}

/**
 * Reads and validates a JSON body of at most `limit` bytes (413 past it, checked before parsing).
 * The media type must be exactly application/json: `text/plain;application/json` is a "simple"
 * type a page on another origin may send without a CORS preflight, and it used to pass here.
 */
export async function parseJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  limit = JSON_BODY_LIMIT,
): Promise<z.infer<T>> {
  if (!isJsonMediaType(request.headers.get("content-type"))) throw new UnsupportedMediaTypeError();
  let text: string;
  try {
    const bytes = await readCappedBody(request, limit, () => new BodyTooLargeError(limit));
    text = new TextDecoder().decode(bytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw error;
    throw new ValidationError("The request body could not be read.");
  }
  return validateJson(text, schema);
}

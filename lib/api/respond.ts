import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { AppError, ValidationError } from "@/lib/errors";
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

/**
 * Maps expected errors to their status and a message safe to show, a busy database to a 503,
 * anything else to a logged 500.
 */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    const body: Record<string, unknown> = { error: error.message };
    if (error instanceof ValidationError && Object.keys(error.fieldErrors).length)
      body.fields = error.fieldErrors;
    Object.assign(body, error.details);
    return NextResponse.json(body, { status: error.status });
  }
  if (isDatabaseBusy(error)) {
    console.warn("[api] database busy, answered 503:", error instanceof Error ? error.message : error);
    return NextResponse.json(
      { error: "The database is busy. Please try again in a moment.", retryable: true },
      { status: 503, headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) } },
    );
  }
  console.error("[api] unexpected error", error);
  return NextResponse.json({ error: "Something went wrong on our side. Please try again." }, { status: 500 });
}

/** A body sent as anything but JSON: 415. */
export class UnsupportedMediaTypeError extends AppError {
  constructor() {
    super("Send the request body as application/json (UTF-8).", 415);
  }
}

/**
 * Reads and validates a JSON body; malformed JSON or a wrong shape is a 400 with the reasons.
 * The media type must be exactly application/json: `text/plain;application/json` is a "simple"
 * type a page on another origin may send without a CORS preflight, and it used to pass here.
 */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  if (!isJsonMediaType(request.headers.get("content-type"))) throw new UnsupportedMediaTypeError();
  let body: unknown;
  try {
    body = await request.json();
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

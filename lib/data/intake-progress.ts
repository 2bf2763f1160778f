import "server-only";

/**
 * How far the reading of an upload has got, for the upload page to poll. Kept in this process
 * only: it is a courtesy display, and with several instances a poll that reaches another one
 * just finds nothing (the page keeps its indeterminate bar). Entries are the uploader's alone.
 */
export const PROGRESS_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export interface IntakeProgress {
  stage: "uploaded" | "extracting" | "proposing" | "storing";
  /** 0–1 within the stage, when the stage reports it. */
  fraction: number | null;
}

const TTL_MS = 5 * 60_000;
const entries = new Map<string, IntakeProgress & { userId: string; at: number }>();

export function reportProgress(userId: string, token: string, progress: IntakeProgress, now: number): void {
  for (const [key, entry] of entries) if (now - entry.at > TTL_MS) entries.delete(key);
  const known = entries.get(token);
  if (known && known.userId !== userId) return;
  entries.set(token, { ...progress, userId, at: now });
}

export function endProgress(token: string): void {
  entries.delete(token);
}

/** The caller's own upload's progress; null for an unknown token or someone else's. */
export function readProgress(userId: string, token: string): IntakeProgress | null {
  const entry = entries.get(token);
  if (!entry || entry.userId !== userId) return null;
  return { stage: entry.stage, fraction: entry.fraction };
}

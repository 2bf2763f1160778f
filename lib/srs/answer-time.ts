/**
 * How long before the server received it an answer may say it was given. The study outbox resends
 * answers a dropped connection held back, so a little lateness is normal; weeks are not: a client
 * could backdate reviews to fake a streak or bend the schedule (issue 13).
 */
export const ANSWER_LATENESS_MS = 10 * 60 * 1000;

/**
 * When an answer counts as given: the client's time, but never in the future, never more than
 * ANSWER_LATENESS_MS before the server received it, and never before the card's last review (the
 * log stays in order).
 */
export function answerTime(answeredAt: number, receivedAt: Date, lastReview: Date | null): Date {
  const now = receivedAt.getTime();
  const earliest = Math.max(now - ANSWER_LATENESS_MS, lastReview?.getTime() ?? 0);
  return new Date(Math.min(now, Math.max(answeredAt, earliest)));
}

/**
 * The next question to show: the first unanswered one at or after `from`, wrapping round to
 * earlier ones (answered elsewhere out of order); -1 when every question is answered.
 */
export function nextUnanswered(answered: readonly boolean[], from = 0): number {
  const count = answered.length;
  for (let step = 0; step < count; step++) {
    const index = (((from + step) % count) + count) % count;
    if (!answered[index]) return index;
  }
  return -1;
}

/** "45 s", "3 min 05 s", "1 h 02 min": how long a quiz took, for people rather than logs. */
export function describeDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, "0")} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

const MINUTE = 60_000;
const DAYS_PER_MONTH = 365 / 12;

const oneDecimal = (value: number): string => String(Math.round(value * 10) / 10);

/** A short label for a duration, as on the rating buttons: "1m", "10m", "1h", "3d", "2.5mo", "1y". */
export function formatInterval(durationMs: number): string {
  const minutes = Math.max(0, Math.round(durationMs / MINUTE));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours}h`;
  const days = Math.round(minutes / 1440);
  if (days < 30) return `${days}d`;
  const months = Math.round((days / DAYS_PER_MONTH) * 10) / 10;
  if (months < 12) return `${oneDecimal(months)}mo`;
  return `${oneDecimal(days / 365)}y`;
}

const UNITS: Record<string, [string, string]> = {
  m: ["minute", "minutes"],
  h: ["hour", "hours"],
  d: ["day", "days"],
  mo: ["month", "months"],
  y: ["year", "years"],
};

/** "10m" → "10 minutes", "2.5mo" → "2.5 months": the rating buttons' short labels, for screen readers. */
export function spokenInterval(label: string): string {
  const match = /^(\d+(?:\.\d+)?)(mo|m|h|d|y)$/.exec(label);
  const unit = match ? UNITS[match[2] ?? ""] : undefined;
  if (!match || !unit) return label;
  return `${match[1]} ${match[1] === "1" ? unit[0] : unit[1]}`;
}

/** "2:05", "1:02:05": a countdown to the next learning card. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/** "45 s", "4 min", "1 h 5 min": time spent studying. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(Math.max(0, ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const DAY_MS = 86_400_000;

/**
 * When something is due, in words: "now", "in 12 minutes", "today at 14:30", "tomorrow at 09:00",
 * "on Tuesday", "on 12 March". `timeZone` undefined means the browser's own.
 */
export function describeDue(due: number, now: number, timeZone?: string): string {
  if (due <= now) return "now";
  const minutes = Math.ceil((due - now) / 60_000);
  if (minutes < 60) return `in ${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
  const day = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(due);
  const dueDay = day.format(due);
  if (dueDay === day.format(now)) return `today at ${time}`;
  if (dueDay === day.format(now + DAY_MS)) return `tomorrow at ${time}`;
  if (due - now < 6 * DAY_MS)
    return `on ${new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long" }).format(due)}`;
  return `on ${new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "long" }).format(due)}`;
}

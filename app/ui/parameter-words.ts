import type { Fit } from "@/lib/optimizer/run-optimizer";
import type { ReschedulePreview } from "@/lib/srs/reschedule";

/** How fitted parameters read, for learners and for trainers. */

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
export const dateText = (date: Date) => dateFormat.format(date);

export const logLossText = (fit: Fit | null) => (fit ? fit.logLoss.toFixed(4) : "–");
export const rmseText = (fit: Fit | null) => (fit ? `${(fit.rmse * 100).toFixed(2)}%` : "–");

const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export { count as countText };

/** The verdict on a fit: better or not, by log loss, the measure the optimizer minimizes. */
export function verdictText(before: Fit | null, after: Fit | null): string {
  if (!before || !after) return "";
  const lower = (before.logLoss - after.logLoss) / before.logLoss;
  if (lower > 0.0005) {
    return `The new parameters predict these reviews better: log loss ${(lower * 100).toFixed(1)}% lower.`;
  }
  return "The new parameters do not predict these reviews better than the ones in use. Keeping the current ones is fine.";
}

function daysText(days: number): string {
  const size = Math.abs(days);
  const amount = size < 1 ? `${Math.max(1, Math.round(size * 24))} h` : `${size.toFixed(1)} days`;
  return `${amount} ${days < 0 ? "earlier" : "later"}`;
}

/** "12 of your 160 cards move: 3 earlier, 9 later; the median move is 2.5 days later." */
export function moveText(preview: ReschedulePreview): string {
  if (preview.cards === 0) return "You have no answered cards to reschedule yet.";
  if (preview.moved === 0) return `None of your ${count(preview.cards, "answered card")} would move.`;
  const median =
    preview.medianChangeDays === null ? "" : `; the median move is ${daysText(preview.medianChangeDays)}`;
  return `${preview.moved.toLocaleString("en")} of your ${count(preview.cards, "answered card")} would move: ${preview.earlier.toLocaleString("en")} earlier, ${preview.later.toLocaleString("en")} later${median}.`;
}

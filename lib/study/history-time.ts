/**
 * Answer times in review histories are shown on the learner's own clock: the time zone of their
 * study settings (the same one their study day rolls over in), never the server's UTC.
 */
export function answeredAtLabel(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

/** A zone as a reader says it: "America/New_York" → "New York"; "UTC" stays. */
export const zoneLabel = (timeZone: string): string =>
  (timeZone.split("/").at(-1) ?? timeZone).replace(/_/g, " ");

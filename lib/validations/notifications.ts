import { z } from "zod";

/** A checkbox: present ("on") when ticked, absent when not. */
const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

/** The notification preferences form (settings page). */
export const notificationSettingsSchema = z.object({
  email: checkbox,
  digest: checkbox,
  digestHour: z.coerce
    .number("Choose the hour the digest is sent at")
    .int("Choose a whole hour")
    .min(0, "The hour is between 0 and 23")
    .max(23, "The hour is between 0 and 23"),
  weeklySummary: checkbox,
  atRiskAlerts: checkbox,
});
export type NotificationSettingsInput = z.infer<typeof notificationSettingsSchema>;

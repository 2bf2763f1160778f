import { z } from "zod";
import { isTimeZone } from "@/lib/srs/settings";

export const ROLES = ["learner", "trainer"] as const;
export type Role = (typeof ROLES)[number];

export const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

export const passwordField = z
  .string({ error: "Enter a password." })
  .min(8, "Use at least 8 characters for your password.")
  .max(128, "Use at most 128 characters for your password.");

export const signUpSchema = z.object({
  name: z
    .string({ error: "Enter your name." })
    .trim()
    .min(1, "Enter your name.")
    .max(80, "Use at most 80 characters for your name."),
  email: emailField,
  password: passwordField,
  role: z.enum(ROLES, { error: "Choose whether you are a learner or a trainer." }),
  /** The browser's time zone, so study days start at the learner's local rollover hour. */
  timeZone: z
    .string()
    .max(64)
    .optional()
    .catch(undefined)
    .transform((zone) => (zone && isTimeZone(zone) ? zone : undefined)),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

/** Sign-in checks only the shape: the length rules of sign-up would leak which accounts exist. */
export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password.").max(1024),
});

import { z } from "zod";

/**
 * Mail and job settings, parsed once. Without SMTP_URL nothing leaves the machine: every email is
 * kept in the local outbox (EmailMessage rows with status "outbox"), readable by its recipient in
 * the app under Notifications → Mail.
 */
const mailEnv = z.object({
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || /^smtps?:\/\//.test(value), {
      message: "SMTP_URL must start with smtp:// or smtps://, e.g. smtp://user:password@mail.example.com:587",
    }),
  MAIL_FROM: z.string().trim().min(3).default("Retain <no-reply@retain.invalid>"),
  NEXTAUTH_URL: z.url().optional(),
  PORT: z.string().optional(),
  JOBS_DISABLED: z
    .string()
    .optional()
    .transform((value) => value === "1" || value === "true"),
});

export interface MailConfig {
  smtpUrl: string | undefined;
  from: string;
  /** Where links in emails point: NEXTAUTH_URL, else this machine on PORT. */
  appUrl: string;
  jobsDisabled: boolean;
}

export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const result = mailEnv.safeParse(env);
  if (!result.success)
    throw new Error(`Invalid environment: ${result.error.issues.map((i) => i.message).join("; ")}`);
  const { SMTP_URL, MAIL_FROM, NEXTAUTH_URL, PORT, JOBS_DISABLED } = result.data;
  const appUrl = (NEXTAUTH_URL ?? `http://localhost:${PORT ?? "3000"}`).replace(/\/$/, "");
  return { smtpUrl: SMTP_URL, from: MAIL_FROM, appUrl, jobsDisabled: JOBS_DISABLED };
}

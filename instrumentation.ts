/** Runs once when the server starts, before it serves requests (see lib/auth/client-address.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampSocketAddresses } = await import("@/lib/auth/client-address");
  const { trustedProxies } = await import("@/lib/env");
  // A malformed TRUSTED_PROXIES stops the start here, not at the first sign-in.
  trustedProxies();
  stampSocketAddresses();
  // Reminders and notifications (lib/jobs): pg-boss on PostgreSQL, a timer on SQLite; JOBS_DISABLED=1 turns them off.
  // A failure here is logged and leaves the site serving (reminders are not worth an outage).
  import("@/lib/jobs/start")
    .then(({ startJobs }) => startJobs())
    .catch((error) => console.error("Scheduled jobs did not start:", error));
}

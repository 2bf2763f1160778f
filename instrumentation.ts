/** Runs once when the server starts, before it serves requests (see lib/auth/client-address.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampSocketAddresses } = await import("@/lib/auth/client-address");
  const { trustedProxies } = await import("@/lib/env");
  // A malformed TRUSTED_PROXIES stops the start here, not at the first sign-in.
  trustedProxies();
  stampSocketAddresses();
}

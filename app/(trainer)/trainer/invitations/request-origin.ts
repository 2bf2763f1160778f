import "server-only";
import { headers } from "next/headers";

/** The public origin for links shared outside the app: NEXTAUTH_URL when set, else the request's host. */
export async function requestOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost:3000";
  const proto = list.get("x-forwarded-proto") ?? (/^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https");
  return `${proto.split(",")[0]}://${host.split(",")[0]}`;
}

import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import proxyAddr from "proxy-addr";

/**
 * The client's address, for rate limits. Next 16 gives route handlers, server actions and proxy.ts
 * no access to the connection (`request.ip` is gone), and `next start` copies the socket's address
 * into X-Forwarded-For only when the request has none, so a client that sends the header decides
 * what the app sees. The address is therefore taken where Node still has the socket: Node's
 * `http.server.request.start` diagnostics channel runs for every request before Next sees it, and
 * stamps the socket's address into a header of ours, overwriting whatever the client sent there.
 * The stamp carries a random per-process marker, so a request that slipped in before the
 * subscription (start-up) cannot pass off a header of its own as ours.
 */
export const SOCKET_ADDRESS_HEADER = "x-retain-socket-address";
/** Every request whose socket address is unknown shares this key (start-up, tests without a stamp). */
export const UNVERIFIED_ADDRESS = "unverified";

const processState = globalThis as unknown as { retainSocketMarker?: string; retainSocketStamping?: true };

function marker(): string {
  processState.retainSocketMarker ??= randomBytes(18).toString("base64url");
  return processState.retainSocketMarker;
}

/** Writes the stamp for `address` (the server's subscription does this; tests do it by hand). */
export function stampSocketAddress(headers: IncomingHttpHeaders, address: string | undefined): void {
  headers[SOCKET_ADDRESS_HEADER] = `${marker()} ${address ?? ""}`;
}

/** Called once at server start (instrumentation.ts); idempotent. */
export function stampSocketAddresses(): void {
  if (processState.retainSocketStamping) return;
  processState.retainSocketStamping = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    stampSocketAddress(request.headers, socket.remoteAddress);
  });
}

type HeaderBag = Headers | Record<string, unknown> | undefined;

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return typeof value === "string" ? value : Array.isArray(value) ? value.join(", ") : undefined;
}

/** The socket's address from our stamp, or undefined when the stamp is missing or not ours. */
export function socketAddress(headers: HeaderBag): string | undefined {
  const stamp = header(headers, SOCKET_ADDRESS_HEADER);
  const [mark, address] = stamp?.split(" ") ?? [];
  return mark === marker() && address ? address : undefined;
}

/**
 * The client's address: the socket's, unless the socket is a trusted proxy; then X-Forwarded-For
 * is read from the right, and the first hop that is not a trusted proxy is the client (the hops
 * to its left were written by the client itself). Same rule as Express's `trust proxy`.
 */
export function clientAddress(
  headers: HeaderBag,
  isTrusted: (address: string, hop: number) => boolean,
): string {
  const socket = socketAddress(headers);
  if (!socket) return UNVERIFIED_ADDRESS;
  const forwardedFor = header(headers, "x-forwarded-for");
  // proxy-addr reads only these two fields of a Node request.
  const request = {
    socket: { remoteAddress: socket },
    connection: { remoteAddress: socket },
    headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
  } as unknown as IncomingMessage;
  return normalize(proxyAddr(request, isTrusted));
}

/** `::ffff:203.0.113.5` and `203.0.113.5` are one client. */
function normalize(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped?.[1] ?? address).toLowerCase();
}

import proxyAddr from "proxy-addr";
import { describe, expect, it } from "vitest";
import {
  clientAddress,
  SOCKET_ADDRESS_HEADER,
  stampSocketAddress,
  UNVERIFIED_ADDRESS,
} from "./client-address";

const noProxies = proxyAddr.compile([]);
const behindProxy = proxyAddr.compile(["loopback", "10.0.0.0/8"]);

function request(socket: string | undefined, forwardedFor?: string) {
  const headers: Record<string, string | string[] | undefined> = {};
  if (forwardedFor !== undefined) headers["x-forwarded-for"] = forwardedFor;
  if (socket !== undefined) stampSocketAddress(headers, socket);
  return headers;
}

describe("clientAddress", () => {
  it("is the socket's address when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddress(request("198.51.100.7", "203.0.113.1"), noProxies)).toBe("198.51.100.7");
    expect(clientAddress(request("198.51.100.7", "203.0.113.1, 198.51.100.7"), noProxies)).toBe(
      "198.51.100.7",
    );
    expect(clientAddress(request("::ffff:198.51.100.7"), noProxies)).toBe("198.51.100.7");
  });

  it("reads X-Forwarded-For from the right when a trusted proxy sent it", () => {
    // The client wrote 192.0.2.1 itself; the proxy (10.0.0.2) appended the address it saw.
    expect(clientAddress(request("10.0.0.2", "192.0.2.1, 203.0.113.9"), behindProxy)).toBe("203.0.113.9");
    // Two trusted hops: the first untrusted one from the right is the client.
    expect(clientAddress(request("127.0.0.1", "192.0.2.1, 203.0.113.9, 10.1.1.1"), behindProxy)).toBe(
      "203.0.113.9",
    );
    expect(clientAddress(request("::ffff:127.0.0.1", "203.0.113.9"), behindProxy)).toBe("203.0.113.9");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientAddress(request("198.51.100.7", "10.0.0.2"), behindProxy)).toBe("198.51.100.7");
  });

  it("accepts Headers as well as a plain object", () => {
    const headers = new Headers(request("198.51.100.8", "203.0.113.1") as Record<string, string>);
    expect(clientAddress(headers, noProxies)).toBe("198.51.100.8");
  });

  it("treats a missing or forged stamp as unverified, so a client cannot pick its own key", () => {
    expect(clientAddress(request(undefined, "203.0.113.1"), noProxies)).toBe(UNVERIFIED_ADDRESS);
    expect(clientAddress({ [SOCKET_ADDRESS_HEADER]: "guessed 203.0.113.1" }, noProxies)).toBe(
      UNVERIFIED_ADDRESS,
    );
    expect(clientAddress({ [SOCKET_ADDRESS_HEADER]: "203.0.113.1" }, noProxies)).toBe(UNVERIFIED_ADDRESS);
  });
});

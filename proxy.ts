import { type NextRequest, NextResponse } from "next/server";
import { encodeNonce, isHttpsRequest, securityHeaders } from "@/lib/security/headers";

/**
 * Security headers of pages only: a fresh CSP nonce per request plus the fixed headers. No
 * authentication here; pages, actions and route handlers check the session themselves. API
 * responses get fixed headers from next.config.ts instead (see apiHeaderRules).
 */
export function proxy(request: NextRequest) {
  const nonce = encodeNonce(crypto.getRandomValues(new Uint8Array(16)));
  const headers = securityHeaders({
    nonce,
    isDev: process.env.NODE_ENV === "development",
    isHttps: isHttpsRequest(request.headers.get("x-forwarded-proto"), request.nextUrl.protocol),
  });

  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  requestHeaders.set("x-nonce", nonce);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Static assets, prefetches and /api (headers from next.config.ts) need no nonce.
      source: "/((?!api/|_next/static|_next/image|favicon|icon).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

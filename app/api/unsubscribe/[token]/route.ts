import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/respond";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { unsubscribe } from "@/lib/data/notifications";

type Context = { params: Promise<{ token: string }> };

/** A GET (a link opened, a mail scanner prefetching) changes nothing: it shows the confirmation page. */
export async function GET(request: NextRequest, { params }: Context) {
  const { token } = await params;
  return Response.redirect(new URL(`/unsubscribe/${encodeURIComponent(token)}`, request.url), 303);
}

/**
 * The one-click unsubscribe of RFC 8058 (List-Unsubscribe-Post), and the confirmation page's
 * button. No session: the signed single-use token in the URL is the authority. A mail provider
 * posts without Origin and gets a plain answer; the page's own form is sent back to the page.
 */
export async function POST(request: NextRequest, { params }: Context) {
  try {
    assertSameOrigin(request);
    const { token } = await params;
    await unsubscribe(token, new Date());
    if (request.headers.get("origin"))
      return Response.redirect(new URL(`/unsubscribe/${encodeURIComponent(token)}?done=1`, request.url), 303);
    return new Response("Unsubscribed.\n", { status: 200, headers: { "Content-Type": "text/plain" } });
  } catch (error) {
    return errorResponse(error);
  }
}

import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/respond";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { UsedTokenError, unsubscribe } from "@/lib/data/notifications";

type Context = { params: Promise<{ token: string }> };

// A relative Location: the request's own URL is the server's bind address (e.g. localhost), not
// the host the browser used, and a page reached through it would post from another origin.
const seeOther = (path: string) => new Response(null, { status: 303, headers: { Location: path } });

/** A GET (a link opened, a mail scanner prefetching) changes nothing: it shows the confirmation page. */
export async function GET(_request: NextRequest, { params }: Context) {
  const { token } = await params;
  return seeOther(`/unsubscribe/${encodeURIComponent(token)}`);
}

/**
 * The one-click unsubscribe of RFC 8058 (List-Unsubscribe-Post), and the confirmation page's
 * button. No session: the signed single-use token in the URL is the authority. A mail provider
 * posts without Origin and gets a plain answer; the page's own form is sent back to the page.
 */
export async function POST(request: NextRequest, { params }: Context) {
  const { token } = await params;
  const page = `/unsubscribe/${encodeURIComponent(token)}`;
  const fromPage = request.headers.get("origin") !== null;
  try {
    assertSameOrigin(request);
    await unsubscribe(token, new Date());
    if (fromPage) return seeOther(`${page}?done=1`);
    return new Response("Unsubscribed.\n", { status: 200, headers: { "Content-Type": "text/plain" } });
  } catch (error) {
    // A second click on the page's own button (same origin, checked above): the page says it was used.
    if (fromPage && error instanceof UsedTokenError) return seeOther(page);
    return errorResponse(error);
  }
}

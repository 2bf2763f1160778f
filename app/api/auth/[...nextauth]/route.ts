import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { signInContext } from "@/lib/auth/sign-in-context";
import { isCallbackUrl } from "@/lib/validations/return-to";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * A `callbackUrl` next-auth would take for a server configuration error (a logged 500) is
 * refused first. Found by e2e/fuzz.spec.ts, like the guards of POST below.
 */
function refuseCallbackUrl(request: NextRequest): Response | undefined {
  const { searchParams, origin } = request.nextUrl;
  const values = searchParams.getAll("callbackUrl").filter(Boolean);
  if (values.every((value) => isCallbackUrl(value, origin))) return undefined;
  return Response.json({ error: "callbackUrl must be a path or an http(s) URL." }, { status: 400 });
}

async function GET(request: NextRequest, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  // next-auth answers a GET of the credentials callback (POST only) with a 500.
  if (nextauth?.[0] === "callback" && nextauth[1] === "credentials") {
    return Response.json({ error: "Sign in with a POST." }, { status: 405, headers: { Allow: "POST" } });
  }
  return refuseCallbackUrl(request) ?? handler(request, context);
}

/**
 * Two more guards in front of next-auth: its `_log` endpoint writes what any anonymous client
 * posts into the server's error log (it is on because we set a logger), and it parses a JSON body
 * unguarded, so malformed JSON was an uncaught 500.
 */
async function POST(request: NextRequest, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth?.[0] === "_log") return Response.json({ error: "Not found." }, { status: 404 });
  if (request.headers.get("content-type")?.includes("application/json")) {
    try {
      JSON.parse(await request.clone().text());
    } catch {
      return Response.json({ error: "The request body is not valid JSON." }, { status: 400 });
    }
  }
  const refused = refuseCallbackUrl(request);
  if (refused) return refused;
  // A successful sign-in also gets the device cookie (lib/auth/device-cookie.ts).
  const signIn = { setCookies: [] as string[], secure: isSecure(request) };
  const response: Response = await signInContext.run(signIn, () => handler(request, context));
  if (signIn.setCookies.length === 0) return response;
  const withCookies = new Response(response.body, response);
  for (const cookie of signIn.setCookies) withCookies.headers.append("Set-Cookie", cookie);
  return withCookies;
}

/** `Secure` cookies when the public address is https, as next-auth decides for its own. */
function isSecure(request: NextRequest): boolean {
  const publicUrl = process.env.NEXTAUTH_URL;
  return publicUrl ? publicUrl.startsWith("https://") : request.nextUrl.protocol === "https:";
}

export { GET, POST };

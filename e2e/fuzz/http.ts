/** What the fuzzer keeps of a response: enough to judge it and to print a failing case. */
export interface Outcome {
  status: number;
  headers: Headers;
  text: string;
}

export async function send(url: string, init: RequestInit): Promise<Outcome> {
  const response = await fetch(url, { ...init, redirect: "manual" });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Name=value pairs of a response's Set-Cookie headers. */
function cookiesOf(response: Response): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";")[0] ?? "";
    const at = pair.indexOf("=");
    if (at > 0) cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return cookies;
}

export const SESSION_COOKIE = "next-auth.session-token";

/** A CSRF token with the cookie that goes with it, as next-auth's own client gets them. */
export async function csrf(baseURL: string): Promise<{ token: string; cookie: string }> {
  const response = await fetch(`${baseURL}/api/auth/csrf`);
  const cookie = [...cookiesOf(response)].map(([name, value]) => `${name}=${value}`).join("; ");
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { token: csrfToken, cookie };
}

/** Signs in through next-auth's credentials endpoint and returns the session cookie header. */
export async function signIn(baseURL: string, email: string, password: string): Promise<string> {
  const { token, cookie } = await csrf(baseURL);
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: token, email, password, json: "true" }),
  });
  const session = cookiesOf(response).get(SESSION_COOKIE);
  if (!session) throw new Error(`Sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  return `${SESSION_COOKIE}=${session}`;
}

/** Whether a response starts a session (a rejected sign-in must never). */
export function setsSession(outcome: Outcome): boolean {
  return outcome.headers
    .getSetCookie()
    .some((header) => header.startsWith(`${SESSION_COOKIE}=`) && !/^[^=]+=;/.test(header));
}

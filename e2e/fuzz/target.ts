import fc from "fast-check";
import { actionReply } from "./actions";
import type { Outcome } from "./http";
import type { World } from "./world";

/** One endpoint under fuzz: how to make bad input, send it, and judge the answer. */
export interface FuzzTarget<Input = unknown> {
  name: string;
  /** The endpoint it exercises: `action:<exported name>` or `route:<route file>`. */
  covers: string;
  inputs(world: World): fc.Arbitrary<Input>;
  send(world: World, input: Input): Promise<Outcome>;
  /** Why the answer is not a proper rejection, or undefined when it is. */
  judge(input: Input, outcome: Outcome): string | undefined;
  /** A short name of the answer, for the figures (e.g. "401", "form error"). */
  label(outcome: Outcome): string;
}

/** Identity is part of the input: the users of the world, nobody, a forged cookie, a revoked one. */
export type ActorName = "a" | "b" | "t" | "t2" | "revoked" | "anonymous" | "forged";
export interface Actor {
  name: ActorName;
  cookie?: string;
}

export const SIGNED_IN = ["a", "b", "t", "t2"] as const;
export const LEARNERS = ["a", "b"] as const;
export const TRAINERS = ["t", "t2"] as const;
export const SIGNED_OUT = ["revoked", "anonymous", "forged"] as const;

/**
 * A session cookie that decrypts to nothing: garbage, or a real one with one character of its
 * ciphertext changed (not a segment's last character, whose low bits base64url ignores).
 */
function forgedCookie(world: World): fc.Arbitrary<string> {
  const real = world.users.a.cookie;
  const prefix = real.slice(0, real.indexOf("=") + 1);
  const segments = real.slice(prefix.length).split(".");
  const ciphertext = segments[3] ?? "";
  const tampered = fc
    .tuple(
      fc.integer({ min: 0, max: Math.max(0, ciphertext.length - 2) }),
      fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"),
    )
    .filter(([index, char]) => ciphertext[index] !== char)
    .map(([index, char]) => {
      const changed = [...segments];
      changed[3] = `${ciphertext.slice(0, index)}${char}${ciphertext.slice(index + 1)}`;
      return `${prefix}${changed.join(".")}`;
    });
  const garbage = fc
    .stringMatching(/^[A-Za-z0-9._~-]{0,300}$/)
    .map((value) => `next-auth.session-token=${value}`);
  return fc.oneof(tampered, garbage);
}

export function actor(world: World, names: readonly ActorName[]): fc.Arbitrary<Actor> {
  return fc.constantFrom(...names).chain((name): fc.Arbitrary<Actor> => {
    if (name === "forged") return forgedCookie(world).map((cookie) => ({ name, cookie }));
    if (name === "anonymous") return fc.constant({ name });
    return fc.constant({ name, cookie: world.users[name].cookie });
  });
}

export const GENERIC_MESSAGE = "Something went wrong on our side. Please try again.";

function clearMessage(message: unknown): string | undefined {
  if (typeof message !== "string" || message.trim() === "") return "no message";
  if (message === GENERIC_MESSAGE) return `the catch-all message "${GENERIC_MESSAGE}" (an unexpected error)`;
  return undefined;
}

/** An action's rejection: the typed `{ ok: false, message }` state, with a message that says why. */
export function judgeFormError(outcome: Outcome): string | undefined {
  const reply = actionReply(outcome);
  if (reply.kind !== "returned") return `expected a form error, got ${JSON.stringify(reply)}`;
  const state = reply.value as { ok?: unknown; message?: unknown } | null;
  if (state?.ok !== false) return `expected { ok: false }, got ${JSON.stringify(state)?.slice(0, 300)}`;
  return clearMessage(state.message);
}

export function labelAction(outcome: Outcome): string {
  const reply = actionReply(outcome);
  if (reply.kind === "returned")
    return (reply.value as { ok?: unknown } | null)?.ok === false ? "form error" : "returned";
  if (reply.kind === "redirect") return `redirect ${reply.location}`;
  return `failed ${outcome.status}`;
}

/**
 * A route's rejection: a 4xx with a JSON `{ error }` that says why. A method the route does not
 * export is Next's own bare 405 (no body, no Allow header), which is accepted as clear enough.
 */
export function judgeClientError(outcome: Outcome): string | undefined {
  if (outcome.status < 400 || outcome.status >= 500) {
    return `expected a 4xx, got ${outcome.status}: ${outcome.text.slice(0, 300)}`;
  }
  if (outcome.status === 405) return undefined;
  try {
    return clearMessage((JSON.parse(outcome.text) as { error?: unknown }).error);
  } catch {
    return `${outcome.status} without a JSON body: ${outcome.text.slice(0, 300)}`;
  }
}

export function labelStatus(outcome: Outcome): string {
  return String(outcome.status);
}

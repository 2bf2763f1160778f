import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type Outcome, send } from "./http";

/**
 * Server actions over HTTP, as the browser calls them: a POST to a page that uses the action, with
 * a `Next-Action: <id>` header and the arguments encoded by React's own `encodeReply` (the encoder
 * the browser bundle runs), so wrong types, NaN, Dates, Maps and FormData arrive as real values.
 */

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename: string;
  exportedName: string;
}

export interface ServerAction {
  id: string;
  /** e.g. "app/(auth)/sign-up/actions.ts" */
  file: string;
  name: string;
  /** The pages (e.g. "app/(auth)/sign-up/page") that import the action. */
  pages: string[];
}

/** Every server action of the production build in `.next`, by exported name. */
export function serverActions(root = process.cwd()): Map<string, ServerAction> {
  const file = path.join(root, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  const actions = new Map<string, ServerAction>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (actions.has(entry.exportedName)) {
      throw new Error(`Two server actions are exported as ${entry.exportedName}; name them apart.`);
    }
    actions.set(entry.exportedName, {
      id,
      file: entry.filename,
      name: entry.exportedName,
      pages: Object.keys(entry.workers),
    });
  }
  return actions;
}

/** The URL path of a page entry: route groups dropped, dynamic segments filled from `params`. */
export function pagePath(page: string, params: Record<string, string> = {}): string {
  const segments = page
    .replace(/^app\//, "")
    .replace(/\/?page$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => {
      const dynamic = /^\[(.+)\]$/.exec(segment)?.[1];
      if (!dynamic) return segment;
      return encodeURIComponent(params[dynamic] ?? "fuzz");
    });
  return `/${segments.join("/")}`;
}

type EncodeReply = (value: unknown) => Promise<string | FormData>;
const load = createRequire(path.join(process.cwd(), "package.json"));
const { encodeReply } = load(
  "next/dist/compiled/react-server-dom-turbopack/cjs/react-server-dom-turbopack-client.edge.production.js",
) as { encodeReply: EncodeReply };

export async function callAction(
  baseURL: string,
  action: ServerAction,
  args: unknown[],
  options: { cookie?: string; params?: Record<string, string> } = {},
): Promise<Outcome> {
  const page = action.pages[0];
  if (!page) throw new Error(`${action.name} is used by no page`);
  const headers: Record<string, string> = { "next-action": action.id, accept: "text/x-component" };
  if (options.cookie) headers.cookie = options.cookie;
  return send(`${baseURL}${pagePath(page, options.params)}`, {
    method: "POST",
    headers,
    body: await encodeReply(args),
  });
}

/** What a server action answered. */
export type ActionReply =
  | { kind: "returned"; value: unknown }
  | { kind: "redirect"; location: string }
  /** A 500, a thrown error row, or anything that is not a server action answer. */
  | { kind: "failed"; reason: string };

/**
 * The rows of an RSC answer: `<id>:<JSON>\n`, or `<id>:T<hex byte length>,<text>` for long
 * strings (no newline after them; the length counts UTF-8 bytes).
 */
function rscRows(body: string): Map<string, { json: string } | { text: string }> {
  const bytes = Buffer.from(body, "utf8");
  const rows = new Map<string, { json: string } | { text: string }>();
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = bytes.toString("utf8", at, colon).trim();
    if (bytes[colon + 1] === 0x54) {
      const comma = bytes.indexOf(0x2c, colon);
      const end = comma + 1 + Number.parseInt(bytes.toString("utf8", colon + 2, comma), 16);
      rows.set(id, { text: bytes.toString("utf8", comma + 1, end) });
      at = end;
    } else {
      const newline = bytes.indexOf(0x0a, colon);
      const end = newline < 0 ? bytes.length : newline;
      rows.set(id, { json: bytes.toString("utf8", colon + 1, end) });
      at = end + 1;
    }
  }
  return rows;
}

/**
 * Reads the RSC answer of a fetch-called action: row 0 names the row of the returned value
 * (`"a":"$@1"`), an `E` row is a thrown error; a redirect comes as the `x-action-redirect` header.
 */
export function actionReply(outcome: Outcome): ActionReply {
  const redirect = outcome.headers.get("x-action-redirect");
  if (outcome.status === 200 && redirect) return { kind: "redirect", location: redirect.split(";")[0] ?? "" };
  const type = outcome.headers.get("content-type") ?? "";
  if (outcome.status !== 200 || !type.startsWith("text/x-component")) {
    return { kind: "failed", reason: `status ${outcome.status} ${type}: ${outcome.text.slice(0, 200)}` };
  }
  const rows = rscRows(outcome.text);
  const json = (id: string | undefined) => {
    const row = id === undefined ? undefined : rows.get(id);
    return row && "json" in row ? row.json : undefined;
  };
  try {
    const head = JSON.parse(json("0") ?? "null") as { a?: unknown } | null;
    const ref = typeof head?.a === "string" ? /^\$@([0-9a-f]+)$/.exec(head.a)?.[1] : undefined;
    const row = json(ref);
    if (row === undefined)
      return { kind: "failed", reason: `no returned value in ${outcome.text.slice(0, 200)}` };
    if (row.startsWith("E")) return { kind: "failed", reason: `thrown: ${row.slice(0, 200)}` };
    // Long strings are outlined as "$<row id>"; a string of the value that starts with "$" is "$$…".
    const value = JSON.parse(row, (_key, item: unknown) => {
      if (typeof item !== "string" || !item.startsWith("$")) return item;
      if (item.startsWith("$$")) return item.slice(1);
      if (item === "$undefined") return undefined;
      const outlined = rows.get(item.slice(1));
      return outlined && "text" in outlined ? outlined.text : item;
    });
    return { kind: "returned", value };
  } catch {
    return { kind: "failed", reason: `unreadable answer ${outcome.text.slice(0, 200)}` };
  }
}

import fc from "fast-check";

/**
 * Building blocks for bad input, shared by every fuzz target: wrong types, NaN and other odd
 * numbers, huge strings, strings that break parsers, `__proto__` and friends as keys, arrays
 * where objects belong, files where text belongs.
 */

/** Keys that poison or confuse plain objects. */
export const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "then", "toJSON"];

const NASTY_STRINGS = [
  "",
  " ",
  "\t\n\r",
  "\0",
  "\uD800",
  "\uFEFF",
  "\u202E",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-Infinity",
  "true",
  "[]",
  "{}",
  '{"__proto__":{"admin":true}}',
  "$",
  "$$",
  "$@0",
  "$K1",
  "$Q1",
  "$h0",
  "$T",
  "$undefined",
  "' OR '1'='1",
  '1; DROP TABLE "User"; --',
  "../../etc/passwd",
  "%00",
  "%E0%A4%A",
  "<script>alert(1)</script>",
  "#{7*7}",
  `$${"{"}7*7}`,
  "Ω≈ç√∫",
  "👩‍👩‍👧‍👦",
  "ﷺ",
  ...PROTO_KEYS,
];

export const nastyString = fc.constantFrom(...NASTY_STRINGS);

/** Numbers as text, the way a form sends them; several coerce to numbers, several do not. */
export const numericText = fc.oneof(
  fc.constantFrom(
    " 5 ",
    "0x10",
    "1e3",
    "1e999",
    "-1e-999",
    "1_000",
    "٣",
    "5.",
    ".5",
    "+7",
    "-0",
    "00",
    "0b11",
    "1,5",
  ),
  fc.double().map(String),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
);

/** A long string of one unit (1 to 4 UTF-8 bytes); at most about 400 KB. */
export const hugeString = fc
  .tuple(fc.constantFrom("a", "é", "𝄞", "\0", "$", " "), fc.integer({ min: 5_000, max: 100_000 }))
  .map(([unit, count]) => unit.repeat(count));

export const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: numericText },
  { weight: 1, arbitrary: hugeString },
);

export const weirdNumber = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e308, 5e-324),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -(2 ** 53), 2 ** 31, -1, 0.5, 3.000001),
  fc.double(),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
);

/** A JSON-able value of any shape; objects may carry own `__proto__` keys (Object.fromEntries). */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    weirdNumber.map((n) => (Number.isFinite(n) ? n : null)),
    text,
    fc.array(tie("value"), { maxLength: 4 }),
    fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 12 })), tie("value")), {
        maxLength: 4,
      })
      .map((entries) => Object.fromEntries(entries)),
  ),
})).value;

/** What only React's reply encoding carries besides JSON: undefined, NaN, BigInt, Dates, Maps, Sets, Blobs. */
export const replyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: jsonValue },
  { weight: 1, arbitrary: fc.constantFrom(undefined, Number.NaN, Number.POSITIVE_INFINITY, -0) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 100n), max: 2n ** 100n }) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.array(fc.tuple(text, jsonValue), { maxLength: 3 }).map((e) => new Map(e)) },
  { weight: 1, arbitrary: fc.array(jsonValue, { maxLength: 3 }).map((items) => new Set(items)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((content) => new Blob([content])) },
);

/**
 * A file where the form expects text. It only stands for "invalid" where a missing field is invalid
 * too: the fuzzer found file parts that never reached the action's FormData (see `file`).
 */
export interface FileValue {
  file: string;
  type: string;
  content: string;
  /** Sent as one byte per character (Latin-1), so "\xff" makes a file that is not UTF-8. */
  latin1?: boolean;
}
export type FormValue = string | FileValue;
export type FormEntries = [string, FormValue][];

function isFileValue(value: unknown): value is FileValue {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as FileValue).file === "string" &&
    typeof (value as FileValue).content === "string"
  );
}

export const fileValue: fc.Arbitrary<FileValue> = fc.record({
  // Not blank, no backslash, no double quote: the multipart parser turns such a part into text or
  // drops it (a trailing backslash escapes the closing quote), so it would not arrive as a file.
  file: fc.oneof(
    fc.constantFrom("a.txt", "../../x", "\u202Eexe.txt"),
    fc.string({ minLength: 1, maxLength: 12 }).filter((name) => name.trim() !== "" && !/["\\]/.test(name)),
  ),
  type: fc.constantFrom("text/plain", "application/json", "", "image/png"),
  content: fc.oneof(fc.string({ maxLength: 30 }), nastyString),
});

export const formValue: fc.Arbitrary<FormValue> = fc.oneof(
  { weight: 9, arbitrary: text },
  { weight: 1, arbitrary: fileValue },
);

/** The value as a form field, or undefined for "left out"; for the fields of a form arbitrary. */
export const maybe = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 5, arbitrary: arbitrary });

/**
 * A form from per-field arbitraries (undefined leaves the field out), with junk fields added and
 * sometimes a field sent twice.
 */
export function formOf(fields: Record<string, fc.Arbitrary<FormValue | FormValue[] | undefined>>) {
  return fc
    .tuple(
      fc.record(fields),
      fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 12 })), formValue), {
        maxLength: 2,
      }),
    )
    .map(([values, extra]) => {
      const entries: FormEntries = [];
      for (const [name, value] of Object.entries(values)) {
        if (value === undefined) continue;
        for (const one of Array.isArray(value) ? value : [value]) entries.push([name, one]);
      }
      return [...entries, ...extra];
    });
}

export function toFormData(entries: FormEntries): FormData {
  const data = new FormData();
  for (const [name, value] of entries) {
    if (typeof value === "string") data.append(name, value);
    else {
      const content = value.latin1 ? Buffer.from(value.content, "latin1") : value.content;
      data.append(name, new File([content], value.file, { type: value.type }));
    }
  }
  return data;
}

/** Ids nobody has: cuid- and uuid-shaped, or anything at all. */
export const unknownId = fc.oneof(
  fc.stringMatching(/^c[a-z0-9]{24}$/),
  fc.uuid(),
  fc.string({ minLength: 1, maxLength: 30 }),
  nastyString,
  hugeString,
);

/** Pick one of `known` (others' objects) or an unknown id. */
export const someId = (known: string[]) =>
  known.length ? fc.oneof(fc.constantFrom(...known), unknownId) : unknownId;

/**
 * Rough upper bound of a value's encoded size, to stay under Next's server-action body limit
 * (6 MB, next.config.ts). A file's content goes into the multipart body as its bytes.
 */
export function roughBytes(value: unknown): number {
  if (typeof value === "string") return value.length * 6;
  if (isFileValue(value))
    return (value.latin1 ? value.content.length : Buffer.byteLength(value.content)) + 500;
  if (value instanceof Blob) return value.size;
  if (value instanceof Map) return roughBytes([...value]);
  if (value instanceof Set) return roughBytes([...value]);
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + roughBytes(item), 8);
  if (value && typeof value === "object")
    return Object.entries(value).reduce((sum, [key, item]) => sum + key.length * 6 + roughBytes(item), 8);
  return 24;
}

/**
 * A record with at least one field drawn from `invalid` and the others from `valid`: every value it
 * makes is wrong in at least one respect, and may be right in all the others.
 */
export function breakSome<T extends Record<string, unknown>>(
  valid: { [K in keyof T]: fc.Arbitrary<T[K]> },
  invalid: { [K in keyof T]: fc.Arbitrary<T[K]> },
): fc.Arbitrary<T> {
  const keys = Object.keys(valid) as (keyof T & string)[];
  return fc.subarray(keys, { minLength: 1 }).chain((broken) => {
    const fields = {} as { [K in keyof T]: fc.Arbitrary<T[K]> };
    for (const key of keys) fields[key] = broken.includes(key) ? invalid[key] : valid[key];
    return fc.record(fields) as fc.Arbitrary<T>;
  });
}

/** Whether `value` reads as a whole number in [min, max] the way `Number()` (and z.coerce) read it. */
export function wholeIn(value: string, min: number, max: number): boolean {
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max;
}

/** Form text that is not a whole number in [min, max]; `blankIsValid` when "" reads as 0 and 0 is allowed. */
export function notWholeIn(min: number, max: number, { blankIsValid = false } = {}) {
  return text.filter((value) => {
    if (value.trim() === "") return !(blankIsValid && wholeIn("", min, max));
    return !wholeIn(value, min, max);
  });
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A URL path segment for any string (lone surrogates, which encodeURIComponent refuses, become U+FFFD). */
export function pathSegmentOf(value: string): string {
  return encodeURIComponent(value.toWellFormed());
}

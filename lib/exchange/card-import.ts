/**
 * The card import's reading rules, for TypeScript callers. They live in plain JavaScript
 * (card-file.mjs, delimited.mjs) because the server runs them in a worker thread that loads
 * those files as they are on disk (see card-reader.ts).
 */
export type { CardFile, ImportedCard, ImportIssue, RepeatedRow } from "./card-file.mjs";
export { CARD_IMPORT_LIMITS, importableCards, readCardFile } from "./card-file.mjs";
export type { Delimiter } from "./delimited.mjs";
export { DELIMITER_NAMES } from "./delimited.mjs";

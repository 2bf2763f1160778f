export { detectFormat, extractDocument, extractPastedText } from "./extract";
export { textChecksum } from "./normalize";
export * from "./types";

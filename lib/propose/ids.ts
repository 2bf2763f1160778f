import { idSegment } from "../content/table-items";
import { fnv1a64 } from "../content/text-hash";

/** A document reference usable inside item ids ("My Notes.pdf" → "my-notes-pdf"). */
export function documentSegment(document: string): string {
  return idSegment(document);
}

/** Stable id of a proposal: same document, kind and wording, same id. */
export function proposalId(document: string, kind: string, text: string): string {
  return `${documentSegment(document)}.p-${fnv1a64(`${kind}\n${text}`).slice(0, 10)}`;
}

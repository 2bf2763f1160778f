/** Types of field-text.mjs (plain JavaScript, shared with the .apkg worker thread). */
export function fieldText(html: string): { text: string; media: number };
export function imageNames(html: string): string[];
export function fieldHtml(text: string): string;

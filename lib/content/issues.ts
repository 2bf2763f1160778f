/** A problem found in a content file, located so an editor can jump to it. */
export type ContentIssue = {
  /** Path relative to the repository root, e.g. `content/decks/mk4-vs-mk7.yaml`. */
  file: string;
  /** 1-based line in `file`. */
  line: number;
  message: string;
};

/** `file:line: message`, the shape editors and CI annotations recognise. */
export function formatIssue(issue: ContentIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`;
}

/** Collects errors (content is invalid) and warnings (a human should look) while building. */
export class IssueLog {
  readonly errors: ContentIssue[] = [];
  readonly warnings: ContentIssue[] = [];

  error(file: string, line: number, message: string): void {
    this.errors.push({ file, line, message });
  }

  warn(file: string, line: number, message: string): void {
    this.warnings.push({ file, line, message });
  }
}

import type { ImportPreview } from "./actions";

const plural = (n: number, word: string) => `${n.toLocaleString("en-GB")} ${word}${n === 1 ? "" : "s"}`;

/**
 * What the file would import: its problems by line first, then the first cards. Confirm imports
 * a file without problems; a file whose problems are on some lines only can be imported without
 * those lines, on an explicit choice; a problem of the whole file (or a cap) blocks the import.
 */
export function ImportPreviewPanel({
  preview,
  pending,
  onConfirm,
  onCancel,
  onUseDelimiter,
}: {
  preview: ImportPreview;
  pending: boolean;
  onConfirm: (skipProblems: boolean) => void;
  onCancel: () => void;
  onUseDelimiter: (value: string) => void;
}) {
  const problems = preview.errorCount > 0;
  const canImport = !preview.blocked && !preview.limit && preview.cardCount > 0;
  return (
    <section aria-labelledby="preview-heading" className="stack">
      <h2 id="preview-heading">Preview</h2>
      <p>
        {preview.fileName}: {plural(preview.cardCount, "card")} ready
        {problems ? ` and ${plural(preview.errorCount, "problem")}` : ""} ({preview.delimiter}-separated,{" "}
        {preview.header ? "with a header row" : "no header row"}).
      </p>
      {preview.suggestedDelimiter && (
        <div className="alert" role="status">
          <p>
            Most lines have one column with the {preview.delimiter} separator. This file looks{" "}
            {preview.suggestedDelimiter}-separated.
          </p>
          <button
            type="button"
            className="button secondary"
            disabled={pending}
            onClick={() => onUseDelimiter(preview.suggestedDelimiter ?? "auto")}
          >
            Read it as {preview.suggestedDelimiter}-separated
          </button>
        </div>
      )}
      {preview.limit && (
        <p className="alert error" role="alert">
          {preview.limit}
        </p>
      )}
      {problems && (
        <div className="alert error" role="alert">
          <p>
            <strong>
              {preview.blocked
                ? "Nothing can be imported from this file as it is."
                : `${plural(preview.skippableLines, "line")} cannot be imported.`}
            </strong>{" "}
            {preview.blocked
              ? "Correct the file and choose it again."
              : "Correct the file and choose it again, or import the other cards and leave these lines out."}
          </p>
          <ul aria-label="Problems in the file">
            {preview.errors.map((error) => (
              <li key={`${error.line}-${error.message}`}>
                {error.line === null ? "The file" : `Line ${error.line}`}: {error.message}
              </li>
            ))}
          </ul>
          {preview.errorCount > preview.errors.length && (
            <p className="small">
              …and {plural(preview.errorCount - preview.errors.length, "more problem")}.
            </p>
          )}
        </div>
      )}
      {preview.repeatCount > 0 && (
        <div className="alert" role="status">
          <p>
            {plural(preview.repeatCount, "row")} repeat{preview.repeatCount === 1 ? "s" : ""} an earlier card
            and will be left out:
          </p>
          <ul aria-label="Repeated rows">
            {preview.repeats.map((repeat) => (
              <li key={repeat.line}>
                Line {repeat.line} repeats line {repeat.firstLine}.
              </li>
            ))}
          </ul>
          {preview.repeatCount > preview.repeats.length && (
            <p className="small">…and {plural(preview.repeatCount - preview.repeats.length, "more")}.</p>
          )}
        </div>
      )}
      {preview.sample.length > 0 && (
        <div className="stats-table-scroll">
          <table className="stats-table compact">
            <caption className="visually-hidden">
              The first {plural(preview.sample.length, "card")} of the file
            </caption>
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  Line
                </th>
                <th scope="col">Front</th>
                <th scope="col">Back</th>
                <th scope="col">Tags</th>
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((card) => (
                <tr key={card.line}>
                  <td className="numeric">{card.line}</td>
                  {/* Line breaks inside a quoted field are part of the card. */}
                  <td style={{ whiteSpace: "pre-line" }}>
                    {card.cloze && <span className="pill">Cloze</span>} {card.front}
                  </td>
                  <td style={{ whiteSpace: "pre-line" }}>{card.back}</td>
                  <td>{card.tags.join(" ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.cardCount > preview.sample.length && (
        <p className="muted small">…and {plural(preview.cardCount - preview.sample.length, "more card")}.</p>
      )}
      <div className="row">
        {canImport && !problems && (
          <button type="button" className="button" disabled={pending} onClick={() => onConfirm(false)}>
            {pending ? "Importing…" : `Import ${plural(preview.cardCount, "card")}`}
          </button>
        )}
        {canImport && problems && (
          <button type="button" className="button" disabled={pending} onClick={() => onConfirm(true)}>
            {pending
              ? "Importing…"
              : `Import ${plural(preview.cardCount, "card")}, leave out ${plural(preview.skippableLines, "line")}`}
          </button>
        )}
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}

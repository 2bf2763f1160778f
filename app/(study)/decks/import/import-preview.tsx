import type { ImportPreview } from "./actions";

const plural = (n: number, word: string) => `${n.toLocaleString("en-GB")} ${word}${n === 1 ? "" : "s"}`;

/** What the file would import: its problems by line first, then the first cards; confirm only without problems. */
export function ImportPreviewPanel({
  preview,
  pending,
  onConfirm,
  onCancel,
}: {
  preview: ImportPreview;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const blocked = preview.errorCount > 0;
  return (
    <section aria-labelledby="preview-heading" className="stack">
      <h2 id="preview-heading">Preview</h2>
      <p>
        {preview.fileName}: {plural(preview.cardCount, "card")} ready
        {blocked ? ` and ${plural(preview.errorCount, "problem")}` : ""} ({preview.delimiter}-separated,{" "}
        {preview.header ? "with a header row" : "no header row"}).
      </p>
      {blocked && (
        <div className="alert error" role="alert">
          <p>
            <strong>Nothing can be imported until these lines are fixed.</strong> Correct the file and choose
            it again.
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
                  <td>{card.front}</td>
                  <td>{card.back}</td>
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
        {!blocked && (
          <button type="button" className="button" disabled={pending} onClick={onConfirm}>
            {pending ? "Importing…" : `Import ${plural(preview.cardCount, "card")}`}
          </button>
        )}
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}

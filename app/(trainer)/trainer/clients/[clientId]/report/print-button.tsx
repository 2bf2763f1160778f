"use client";

/** Opens the browser's print dialog (the report's print stylesheet leaves out the site's chrome). */
export function PrintButton() {
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}

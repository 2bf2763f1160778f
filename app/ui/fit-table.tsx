import { logLossText, rmseText, verdictText } from "@/app/ui/parameter-words";
import type { Fit } from "@/lib/optimizer/run-optimizer";
import styles from "./fit-table.module.css";

/** The fit of the parameters in use and of new ones on the same reviews, and what it means. */
export function FitTable({ before, after }: { before: Fit | null; after: Fit | null }) {
  return (
    <>
      <div className={styles.scroll}>
        <table className="stats-table compact">
          <caption className="visually-hidden">Fit on the same reviews; lower is better</caption>
          <thead>
            <tr>
              <th scope="col">Fit (lower is better)</th>
              <th scope="col" className="numeric">
                In use now
              </th>
              <th scope="col" className="numeric">
                New
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Log loss</th>
              <td className="numeric">{logLossText(before)}</td>
              <td className="numeric">{logLossText(after)}</td>
            </tr>
            <tr>
              <th scope="row">RMSE</th>
              <td className="numeric">{rmseText(before)}</td>
              <td className="numeric">{rmseText(after)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p>{verdictText(before, after)}</p>
    </>
  );
}

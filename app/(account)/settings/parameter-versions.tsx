import { ActionButton } from "@/app/ui/action-button";
import { countText, dateText, logLossText } from "@/app/ui/parameter-words";
import type { EffectiveParameters, ParameterSetView } from "@/lib/data/parameters";
import { switchParametersAction } from "./parameter-actions";
import styles from "./parameters.module.css";

function statusText(version: ParameterSetView, inUse: boolean): string {
  if (inUse) return "In use";
  if (version.discardedAt) return "Discarded";
  if (version.appliedAt) return "Used before";
  return "Waiting for your decision";
}

/** Every set fitted for the learner, newest first, with a way back to any of them or to the defaults. */
export function ParameterVersions({
  versions,
  effective,
}: {
  versions: ParameterSetView[];
  effective: EffectiveParameters;
}) {
  const inUseId = effective.source === "personal" ? effective.set?.id : undefined;
  return (
    <section className="card stack" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Parameter versions</h2>
      {versions.length === 0 ? (
        <p className="muted">
          None yet. Each optimization adds a version here; you can always go back to one.
        </p>
      ) : (
        <div className={styles.scroll}>
          <table className="stats-table">
            <caption className="visually-hidden">Your FSRS parameter versions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Fitted</th>
                <th scope="col" className="numeric">
                  Reviews
                </th>
                <th scope="col" className="numeric">
                  Log loss
                </th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version) => {
                const inUse = version.id === inUseId;
                const usable = !inUse && !version.discardedAt && version.appliedAt !== null;
                return (
                  <tr key={version.id}>
                    <th scope="row">Version {version.version}</th>
                    <td className="nowrap">{dateText(version.createdAt)}</td>
                    <td className="numeric">{countText(version.reviewCount, "review")}</td>
                    <td className="numeric">{logLossText(version.after)}</td>
                    <td>{statusText(version, inUse)}</td>
                    <td>
                      {usable && (
                        <ActionButton
                          action={switchParametersAction}
                          fields={{ setId: version.id }}
                          label="Use this"
                          accessibleLabel={`Use version ${version.version}`}
                          pendingLabel="Switching…"
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {effective.source === "personal" ? (
        <ActionButton
          action={switchParametersAction}
          fields={{ setId: "defaults" }}
          label="Back to defaults"
          pendingLabel="Switching…"
          confirm={{
            question:
              "Go back to FSRS's default parameters? Your versions stay here, and you can switch back at any time.",
            yes: "Yes, use the defaults",
          }}
        />
      ) : (
        <p className="muted small">
          {effective.source === "cohort"
            ? "You are using your trainer's group parameters until you have enough reviews of your own."
            : "You are using FSRS's default parameters."}
        </p>
      )}
    </section>
  );
}

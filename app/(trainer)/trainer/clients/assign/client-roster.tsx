import { ActionButton } from "@/app/ui/action-button";
import { dayText, dueDateText, goalText, quizTargetText } from "@/app/ui/assignment-words";
import type { RosterClient } from "@/lib/data/trainer/roster";
import { removeClientAction, unassignDeckAction } from "../../actions";
import styles from "./assign.module.css";

/** Each linked client with the decks assigned to them, to unassign one or end the link. */
export function ClientRoster({ clients }: { clients: RosterClient[] }) {
  return (
    <ul className="feature-list roster">
      {clients.map((client) => (
        <li key={client.id} className={`card ${styles.rosterClient}`} aria-labelledby={`client-${client.id}`}>
          <div className="roster-head">
            <div>
              <h3 id={`client-${client.id}`}>{client.name}</h3>
              <p className="muted small">
                {client.email} · linked since {dayText(client.linkedAt)}
              </p>
            </div>
            <ActionButton
              action={removeClientAction}
              fields={{ clientId: client.id }}
              label="Remove client"
              accessibleLabel={`Remove ${client.name}`}
              pendingLabel="Removing…"
              confirm={{
                question: `Remove ${client.name}? You stop seeing their progress at once. They keep everything they studied.`,
                yes: "Yes, remove",
              }}
            />
          </div>
          {client.assignments.length === 0 ? (
            <p className="muted small">
              No decks assigned yet. You see none of their progress until you assign a deck.
            </p>
          ) : (
            <ul className={`feature-list ${styles.assignmentRows}`}>
              {client.assignments.map((assignment) => (
                <li key={assignment.id} className={styles.assignmentRow}>
                  <div>
                    <strong>{assignment.deckTitle}</strong>
                    <p className="muted small">
                      {[
                        dueDateText(assignment.dueAt),
                        goalText(assignment),
                        quizTargetText(assignment.quizTarget),
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                  </div>
                  <ActionButton
                    action={unassignDeckAction}
                    fields={{ assignmentId: assignment.id }}
                    label="Unassign"
                    accessibleLabel={`Unassign ${assignment.deckTitle} from ${client.name}`}
                    pendingLabel="Unassigning…"
                    confirm={{
                      question: `Unassign ${assignment.deckTitle} from ${client.name}? You stop tracking it; they keep their progress.`,
                      yes: "Yes, unassign",
                    }}
                  />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

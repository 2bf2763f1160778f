import { ActionButton } from "@/app/ui/action-button";
import { listMyMessages } from "@/lib/data/trainer/remind";
import { dismissMessageAction } from "./message-actions";
import styles from "./trainer-messages.module.css";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** Reminders and assignment changes from the learner's trainers, newest first, until dismissed. */
export async function TrainerMessages({ userId, now }: { userId: string; now: Date }) {
  const messages = await listMyMessages(userId, now);
  if (messages.length === 0) return null;
  return (
    <section aria-labelledby="messages-heading">
      <div className="section-title">
        <h2 id="messages-heading">From your trainer</h2>
      </div>
      <ul className={styles.list}>
        {messages.map((m) => (
          <li key={m.id} className={`card ${styles.message}`}>
            <div>
              <p className="small muted">
                {m.kind === "reminder" ? "Reminder" : "Assignment changed"} · {m.trainerName} ·{" "}
                <time dateTime={m.createdAt.toISOString()}>{when.format(m.createdAt)}</time>
              </p>
              <p>{m.body}</p>
            </div>
            <ActionButton
              action={dismissMessageAction}
              fields={{ messageId: m.id }}
              label="Dismiss"
              accessibleLabel={`Dismiss: ${m.body}`}
              pendingLabel="Dismissing…"
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

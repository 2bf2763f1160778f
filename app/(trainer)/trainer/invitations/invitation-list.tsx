import { ActionButton } from "@/app/ui/action-button";
import { dayText } from "@/app/ui/assignment-words";
import type { InvitationStatus } from "@/lib/data/trainer/links";
import { revokeInvitationAction } from "../actions";
import { CopyLink } from "./copy-link";
import styles from "./invitations.module.css";

interface InvitationRow {
  id: string;
  code: string;
  maxUses: number;
  uses: number;
  createdAt: Date;
  expiresAt: Date;
  status: InvitationStatus;
  groupName: string | null;
}

const STATUS_LABEL: Record<InvitationStatus, string> = {
  active: "Active",
  expired: "Expired",
  revoked: "Revoked",
  used: "Used up",
};

/** Every link the trainer made, newest first: what state it is in, and the link while it works. */
export function InvitationList({ invitations, origin }: { invitations: InvitationRow[]; origin: string }) {
  if (invitations.length === 0) {
    return <div className="card empty-state">No invitation links yet. Create one above.</div>;
  }
  return (
    <ul className={`feature-list ${styles.invitationList}`}>
      {invitations.map((invitation) => {
        const created = dayText(invitation.createdAt);
        const expiry = invitation.status === "expired" ? "Expired" : "Expires";
        return (
          <li key={invitation.id} className={`card ${styles.invitationItem} is-${invitation.status}`}>
            <div className={styles.invitationMeta}>
              <span className={`pill ${styles.statusPill} status-${invitation.status}`}>
                {STATUS_LABEL[invitation.status]}
              </span>
              <span>
                <strong>
                  {invitation.uses} of {invitation.maxUses}
                </strong>{" "}
                <span className="muted">{invitation.maxUses === 1 ? "place" : "places"} used</span>
              </span>
              {invitation.groupName && <span className="pill">Group: {invitation.groupName}</span>}
              <span className="muted small">
                Created {created} · {expiry} {dayText(invitation.expiresAt)}
              </span>
            </div>
            {invitation.status === "active" && (
              <div className={styles.invitationActions}>
                <CopyLink url={`${origin}/invite/${invitation.code}`} label={`Link created ${created}`} />
                <ActionButton
                  action={revokeInvitationAction}
                  fields={{ invitationId: invitation.id }}
                  label="Revoke"
                  accessibleLabel={`Revoke the link created ${created}`}
                  pendingLabel="Revoking…"
                />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { listNotifications, unreadCount } from "@/lib/data/notifications";
import { MarkAllRead } from "./mark-all-read";
import styles from "./notifications.module.css";

export const metadata: Metadata = { title: "Notifications" };

const KIND_LABEL: Record<string, string> = {
  digest: "Daily digest",
  "weekly-summary": "Weekly summary",
  "at-risk": "At-risk alert",
};
const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function NotificationsPage() {
  const user = await requirePageUser("/notifications");
  const [items, unread] = await Promise.all([listNotifications(user.id), unreadCount(user.id)]);
  return (
    <>
      <div className={styles.heading}>
        <h1>Notifications</h1>
        {unread > 0 && <MarkAllRead />}
      </div>
      <p className="muted">
        {unread === 0 ? "Nothing unread." : `${unread} unread.`} The emails behind them are under{" "}
        <Link href="/notifications/mail">Mail</Link>; choose what you get in{" "}
        <Link href="/settings#notifications">Settings</Link>.
      </p>
      {items.length === 0 ? (
        <p className="card">No notifications yet. Reminders of due cards and deadlines will appear here.</p>
      ) : (
        <ul className={styles.list} aria-label="Notifications">
          {items.map((item) => (
            <li key={item.id} className={`card ${styles.item}`} data-unread={item.readAt ? undefined : true}>
              <p className={styles.meta}>
                <span className="pill">{KIND_LABEL[item.kind] ?? item.kind}</span>
                {!item.readAt && <span className={styles.unread}>Unread</span>}
                <time dateTime={item.createdAt.toISOString()}>{when.format(item.createdAt)} UTC</time>
              </p>
              <h2 className={styles.title}>
                {item.link ? <Link href={item.link}>{item.title}</Link> : item.title}
              </h2>
              <p className={styles.body}>{item.body}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

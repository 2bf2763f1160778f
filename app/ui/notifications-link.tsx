import Link from "next/link";
import { unreadCount } from "@/lib/data/notifications";
import styles from "./notifications-link.module.css";

/** The header's way to the notification list, with the unread count (announced in its name). */
export async function NotificationsLink({ userId }: { userId: string }) {
  const unread = await unreadCount(userId);
  const label = unread ? `Notifications, ${unread} unread` : "Notifications";
  return (
    <Link href="/notifications" className={styles.link} aria-label={label}>
      <span aria-hidden="true" className={styles.bell}>
        🔔
      </span>
      {unread > 0 && (
        <span aria-hidden="true" className={styles.badge}>
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}

import { unreadCount } from "@/lib/data/notifications";
import { AppLink } from "./app-link";
import styles from "./notifications-link.module.css";

/**
 * The header's way to the notification list, with the unread count (announced in its name). An
 * AppLink, as the rest of the header: next/link here put its ~4 KiB gzipped into every page's first load.
 */
export async function NotificationsLink({ userId }: { userId: string }) {
  const unread = await unreadCount(userId);
  const label = unread ? `Notifications, ${unread} unread` : "Notifications";
  return (
    <AppLink href="/notifications" className={styles.link} aria-label={label}>
      {/* An inline icon: an emoji bell depends on the system's fonts (a box where there is none). */}
      <svg aria-hidden="true" className={styles.bell} viewBox="0 0 24 24" width="20" height="20">
        <path
          d="M12 3a6 6 0 0 0-6 6v3.6L4.3 16a1 1 0 0 0 .9 1.5h13.6a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 16a2.5 2.5 0 0 0 5 0"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinejoin="round"
        />
      </svg>
      {unread > 0 && (
        <span aria-hidden="true" className={styles.badge}>
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </AppLink>
  );
}

import { currentUser } from "@/lib/auth/session";
import { AppLink } from "./app-link";
import { NavLinks } from "./nav-links";
import { NotificationsLink } from "./notifications-link";
import { OfflineOwner } from "./offline-owner";
import { SignOutButton } from "./sign-out-button";
import signOut from "./sign-out-button.module.css";
import styles from "./site-header.module.css";
import { ThemeSwitch } from "./theme-switch";

/**
 * Every page's header, rendered on the server; its client parts are small islands (the Menu button
 * and current-section marks in nav-menu.tsx, the sign-out button) and links (AppLink). The theme
 * switch has no client code: the head script drives it (theme-script.ts).
 */
export async function SiteHeader() {
  const user = await currentUser();
  return (
    <header className="site-header">
      <OfflineOwner userId={user?.id ?? null} />
      <div className="container">
        <AppLink href={user ? "/dashboard" : "/"} className={styles.brand}>
          <span className={styles.brandMark} aria-hidden="true">
            R
          </span>
          Retain
        </AppLink>
        {user && <NavLinks trainer={user.role === "trainer"} />}
        <div className={styles.headerUser}>
          <ThemeSwitch />
          {user ? (
            <>
              <NotificationsLink userId={user.id} />
              {/* The account page is reached through the user's name. */}
              <AppLink href="/account" className={styles.userName} aria-label={`Account: ${user.name}`}>
                {user.name}
                {user.role === "trainer" && <span className="pill">Trainer</span>}
              </AppLink>
              <SignOutButton userId={user.id} noticeClassName={signOut.notice} />
            </>
          ) : (
            <>
              <AppLink href="/sign-in">Sign in</AppLink>
              <AppLink href="/sign-up" className="button">
                Create account
              </AppLink>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

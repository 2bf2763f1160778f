import { currentUser } from "@/lib/auth/session";
import { AppLink } from "./app-link";
import { NavLinks } from "./nav-links";
import { NotificationsLink } from "./notifications-link";
import { OfflineOwner } from "./offline-owner";
import { SignOutButton } from "./sign-out-button";
import styles from "./site-header.module.css";
import { ThemeSwitch } from "./theme-switch";

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
              <SignOutButton userId={user.id} />
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

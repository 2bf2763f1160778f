import Link from "next/link";
import { currentUser } from "@/lib/auth/session";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { ThemeSwitch } from "./theme-switch";

export async function SiteHeader() {
  const user = await currentUser();
  return (
    <header className="site-header">
      <div className="container">
        <Link href={user ? "/dashboard" : "/"} className="brand">
          <span className="brand-mark" aria-hidden="true">
            R
          </span>
          Retain
        </Link>
        {user && <NavLinks trainer={user.role === "trainer"} />}
        <div className="header-user">
          <ThemeSwitch />
          {user ? (
            <>
              {/* The account page is reached through the user's name. */}
              <Link href="/account" className="user-name" aria-label={`Account: ${user.name}`}>
                {user.name}
                {user.role === "trainer" && <span className="pill">Trainer</span>}
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in">Sign in</Link>
              <Link href="/sign-up" className="button">
                Create account
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

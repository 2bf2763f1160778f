import { NavLink, NavMenu } from "./nav-menu";
import styles from "./site-header.module.css";

const DASHBOARD = { href: "/dashboard", label: "Dashboard" };
const TRAINER = [
  { href: "/trainer", label: "Clients" },
  { href: "/trainer/invitations", label: "Invitations" },
];
const STUDY = [
  { href: "/decks", label: "Decks" },
  { href: "/cards", label: "Cards" },
  { href: "/author", label: "Author" },
  { href: "/stats", label: "Statistics" },
  { href: "/sources", label: "Sources" },
  { href: "/settings", label: "Settings" },
];
const LEARNER = [{ href: "/sharing", label: "My trainers" }];
const LIST_ID = "main-nav-sections";

/**
 * The signed-in navigation, rendered on the server. Its client parts are small islands
 * (nav-menu.tsx): the phone's Menu button, and each link marking itself as the current section.
 */
export function NavLinks({ trainer }: { trainer: boolean }) {
  const links = trainer ? [DASHBOARD, ...TRAINER, ...STUDY] : [DASHBOARD, ...STUDY, ...LEARNER];
  return (
    <NavMenu listId={LIST_ID} className={styles.nav} toggleClassName={styles.navToggle}>
      <ul id={LIST_ID} className={styles.navList}>
        {links.map(({ href, label }) => (
          <li key={href}>
            {/* The most specific match wins, so /trainer/invitations does not also mark /trainer. */}
            <NavLink
              href={href}
              deeper={links.filter((l) => l.href.startsWith(`${href}/`)).map((l) => l.href)}
            >
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </NavMenu>
  );
}

import Link from "next/link";
import styles from "./trainer.module.css";

const LINKS = [
  { href: "/trainer", label: "Clients" },
  { href: "/trainer/groups", label: "Groups" },
  { href: "/trainer/invitations", label: "Invitations" },
  { href: "/trainer/clients/assign", label: "Assign decks" },
] as const;

/** The trainer's pages side by side, so "Assign decks" is one click from the others. */
export function TrainerNav({ current }: { current: (typeof LINKS)[number]["href"] }) {
  return (
    <nav className={styles.trainerNav} aria-label="Trainer">
      {LINKS.map(({ href, label }) => (
        <Link key={href} href={href} aria-current={href === current ? "page" : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}

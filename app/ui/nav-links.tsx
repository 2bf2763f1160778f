"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const DASHBOARD = { href: "/dashboard", label: "Dashboard" };
const TRAINER = [
  { href: "/trainer", label: "Clients" },
  { href: "/trainer/invitations", label: "Invitations" },
];
const STUDY = [
  { href: "/decks", label: "Decks" },
  { href: "/author", label: "Author" },
  { href: "/stats", label: "Statistics" },
  { href: "/sources", label: "Sources" },
  { href: "/settings", label: "Settings" },
];
const LEARNER = [{ href: "/sharing", label: "My trainers" }];

/** The signed-in navigation; the current section is marked for screen readers and styling. */
export function NavLinks({ trainer }: { trainer: boolean }) {
  const pathname = usePathname();
  const links = trainer ? [DASHBOARD, ...TRAINER, ...STUDY] : [DASHBOARD, ...STUDY, ...LEARNER];
  // The most specific match wins, so /trainer/invitations does not also mark /trainer.
  const current = links
    .filter(({ href }) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav className="nav" aria-label="Main">
      {links.map(({ href, label }) => (
        <Link key={href} href={href} aria-current={current === href ? "page" : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}

"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { AppLink } from "./app-link";
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

/**
 * The signed-in navigation; the current section is marked for screen readers and styling. On a
 * phone the sections do not fit in a row: a Menu button (disclosure pattern) shows all of them.
 */
export function NavLinks({ trainer }: { trainer: boolean }) {
  const pathname = usePathname();
  const links = trainer ? [DASHBOARD, ...TRAINER, ...STUDY] : [DASHBOARD, ...STUDY, ...LEARNER];
  // The most specific match wins, so /trainer/invitations does not also mark /trainer.
  const current = links
    .filter(({ href }) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const [open, setOpen] = useState(false);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);

  // A section chosen closes the menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation on purpose.
  useEffect(() => setOpen(false), [pathname]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) toggle.current?.focus();
  };

  return (
    <nav
      className={styles.nav}
      aria-label="Main"
      data-open={open || undefined}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.preventDefault();
          close(true);
        }
      }}
      onBlur={(event) => {
        // Tabbing out of the open menu closes it; focus stays where the learner went.
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) close(false);
      }}
    >
      <button
        ref={toggle}
        type="button"
        className={styles.navToggle}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => {
          const next = !open;
          setOpen(next);
          // Opened: the first section takes the focus, so Tab goes on through the list.
          if (next) requestAnimationFrame(() => list.current?.querySelector("a")?.focus());
        }}
      >
        <span aria-hidden="true" className="nav-toggle-icon">
          ☰
        </span>
        Menu
      </button>
      <ul id={listId} ref={list} className={styles.navList}>
        {links.map(({ href, label }) => (
          <li key={href}>
            <AppLink href={href} aria-current={current === href ? "page" : undefined}>
              {label}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

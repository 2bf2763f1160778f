"use client";

import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { AppLink } from "./app-link";

const within = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/** A section of the main navigation, marked for screen readers and styling while it is shown. */
export function NavLink({ href, deeper, children }: { href: string; deeper: string[]; children: ReactNode }) {
  const pathname = usePathname() ?? "";
  const current = within(pathname, href) && !deeper.some((more) => within(pathname, more));
  return (
    <AppLink href={href} aria-current={current ? "page" : undefined}>
      {children}
    </AppLink>
  );
}

/**
 * The main navigation around its server-rendered list (nav-links.tsx). On a phone the sections do
 * not fit in a row: a Menu button (disclosure pattern) shows all of them; the CSS hides the button
 * on wider screens.
 */
export function NavMenu({
  listId,
  className,
  toggleClassName,
  children,
}: {
  listId: string;
  /** Class names from the header's CSS module, which stays out of the client bundle. */
  className?: string;
  toggleClassName?: string;
  children: ReactNode;
}) {
  const pathname = usePathname() ?? "";
  const [open, setOpen] = useState(false);
  const nav = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  // A section chosen closes the menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation on purpose.
  useEffect(() => setOpen(false), [pathname]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) toggle.current?.focus();
  };

  return (
    <nav
      ref={nav}
      className={className}
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
        className={toggleClassName}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => {
          const next = !open;
          setOpen(next);
          // Opened: the first section takes the focus, so Tab goes on through the list.
          if (next)
            requestAnimationFrame(() => nav.current?.querySelector<HTMLElement>(`#${listId} a`)?.focus());
        }}
      >
        <span aria-hidden="true" className="nav-toggle-icon">
          ☰
        </span>
        Menu
      </button>
      {children}
    </nav>
  );
}

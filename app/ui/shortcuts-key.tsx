"use client";

import { lazy, Suspense, useEffect, useState } from "react";

const ShortcutsDialog = lazy(() =>
  import("./shortcuts-dialog").then((module) => ({ default: module.ShortcutsDialog })),
);

/** "?" is a shortcut that most visits never use: the dialog's code loads on the first press. */
export function isShortcutsKey(event: KeyboardEvent): boolean {
  if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented)
    return false;
  const target = event.target instanceof Element ? event.target : null;
  return !target?.closest("input, textarea, select, [contenteditable='true']");
}

export function ShortcutsKey() {
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (asked) return;
    function onKeyDown(event: KeyboardEvent) {
      if (!isShortcutsKey(event)) return;
      event.preventDefault();
      setAsked(true);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [asked]);
  return asked ? (
    <Suspense fallback={null}>
      {/* Once loaded, the dialog listens for "?" itself. */}
      <ShortcutsDialog openAtOnce />
    </Suspense>
  ) : null;
}

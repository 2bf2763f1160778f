"use client";

import { useEffect, useRef } from "react";

/**
 * A success message that takes the keyboard focus when it appears: used where the button that
 * was pressed has gone with its row, so focus lands on what happened instead of the page body.
 */
export function FocusedAlert({ children }: { children: React.ReactNode }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p ref={ref} className="alert success" tabIndex={-1}>
      {children}
    </p>
  );
}

"use client";

import { useState } from "react";
import { signOutTo } from "./sign-out";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="button secondary"
      aria-disabled={pending}
      onClick={() => {
        setPending(true);
        void signOutTo("/");
      }}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}

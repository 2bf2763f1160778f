"use client";

import { useActionState } from "react";
import { type DeleteDeckState, deleteDeckAction } from "./actions";

/** Deleting asks for a ticked box: the deck's review history goes with it and cannot come back. */
export function DeleteDeckForm({ slug, cardCount }: { slug: string; cardCount: number }) {
  const [state, action, pending] = useActionState<DeleteDeckState, FormData>(deleteDeckAction, null);
  return (
    <form action={action} className="stack">
      <input type="hidden" name="slug" value={slug} />
      <label className="choice">
        <input type="checkbox" name="confirm" required />
        <span>
          Delete this deck, its {cardCount} {cardCount === 1 ? "card" : "cards"} and all my reviews of them
        </span>
      </label>
      <div aria-live="polite">{state && !state.ok && <p className="alert error">{state.message}</p>}</div>
      <div>
        <button type="submit" className="button danger" disabled={pending}>
          {pending ? "Deleting…" : "Delete deck"}
        </button>
      </div>
    </form>
  );
}

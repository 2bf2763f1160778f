"use client";

import Link from "next/link";
import { useActionState } from "react";
import { publishAction } from "../actions";

/** Publishing makes a deck; publishing again updates it in place (ids kept, removed cards retired). */
export function PublishForm({
  documentId,
  title,
  deckSlug,
  accepted,
}: {
  documentId: string;
  title: string;
  deckSlug: string | null;
  accepted: number;
}) {
  const [state, action, pending] = useActionState(publishAction, null);
  return (
    <form action={action} className="card" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{deckSlug ? "Publish changes" : "Publish a deck"}</h2>
      <input type="hidden" name="documentId" value={documentId} />
      {deckSlug && (
        <p className="small">
          Published as <Link href={`/decks/${deckSlug}`}>this deck</Link>. Publishing again keeps every
          learner&apos;s progress; cards you reject are retired, not deleted.
        </p>
      )}
      <label>
        Deck name
        <input
          className="input"
          type="text"
          name="title"
          defaultValue={title.slice(0, 100)}
          maxLength={100}
          required
        />
      </label>
      <label>
        Description (optional)
        <input className="input" type="text" name="description" maxLength={500} />
      </label>
      <div aria-live="polite">
        {state && !state.ok && (
          <p className="alert" role="alert">
            {state.message} {Object.values(state.errors).flat().join(" ")}
          </p>
        )}
      </div>
      <button className="button" type="submit" disabled={pending}>
        {deckSlug ? "Publish changes" : "Publish"} ({accepted} accepted)
      </button>
    </form>
  );
}

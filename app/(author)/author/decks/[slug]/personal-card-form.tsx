"use client";

import { useActionState } from "react";
import { addPersonalCardAction, editPersonalCardAction, retirePersonalCardAction } from "./actions";
import { CardImageForm } from "./card-image-form";

type Card = { id: string; kind: string; front: string; back: string; imageId?: string | null };

/** One card of an imported deck, editable (or the empty form that adds one), with a retire button. */
export function PersonalCardForm({ slug, card }: { slug: string; card: Card | null }) {
  const [state, save, saving] = useActionState(card ? editPersonalCardAction : addPersonalCardAction, null);
  const [retired, retire, retiring] = useActionState(retirePersonalCardAction, null);
  const result = retired ?? state;
  if (retired?.ok) return <p className="muted small">Card retired.</p>;
  return (
    <div>
      <form action={save} aria-label={card ? `Edit card: ${card.front.slice(0, 60)}` : "Add a card"}>
        <input type="hidden" name="slug" value={slug} />
        {card && <input type="hidden" name="cardId" value={card.id} />}
        <label>
          Kind{" "}
          <select className="input" name="kind" defaultValue={card?.kind ?? "basic"}>
            <option value="basic">Basic</option>
            <option value="reversed">Reversed</option>
            <option value="cloze">Cloze</option>
          </select>
        </label>
        <label>
          Front
          <textarea className="input" name="front" rows={2} defaultValue={card?.front ?? ""} />
        </label>
        <label>
          Back
          <textarea className="input" name="back" rows={2} defaultValue={card?.back ?? ""} />
        </label>
        <button className="button" type="submit" disabled={saving}>
          {card ? "Save card" : "Add card"}
        </button>
      </form>
      {card && <CardImageForm cardId={card.id} imageId={card.imageId ?? null} />}
      {card && (
        <form action={retire}>
          <input type="hidden" name="cardId" value={card.id} />
          <button type="submit" className="button secondary" disabled={retiring}>
            Retire card
          </button>
        </form>
      )}
      <p aria-live="polite" className="small">
        {result?.message} {result && !result.ok ? Object.values(result.errors).flat().join(" ") : ""}
      </p>
    </div>
  );
}

"use client";

import { useActionState } from "react";
import { choosePresetAction } from "./actions";
import styles from "./deck-options.module.css";

interface Props {
  decks: { slug: string; title: string }[];
  presets: { id: string; name: string; decks: string[] }[];
}

function DeckRow({ deck, presets }: { deck: Props["decks"][number]; presets: Props["presets"] }) {
  const [state, action, pending] = useActionState(choosePresetAction, null);
  const current = presets.find((p) => p.decks.includes(deck.slug))?.id ?? "";
  const id = `preset-${deck.slug}`;
  return (
    <li>
      <form action={action} className={styles.deckRow}>
        <input type="hidden" name="deckSlug" value={deck.slug} />
        <label htmlFor={id}>{deck.title}</label>
        <select id={id} name="presetId" defaultValue={current}>
          <option value="">Default</option>
          {presets.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button secondary" disabled={pending}>
          {pending ? "Saving…" : "Use"}
          <span className="visually-hidden"> for {deck.title}</span>
        </button>
        <span aria-live="polite" className="small">
          {state && !pending && (state.ok ? "Saved." : state.message)}
        </span>
      </form>
    </li>
  );
}

/** Which preset each deck uses; one small form per deck. */
export function DeckChoices({ decks, presets }: Props) {
  return (
    <section className="card stack" aria-labelledby="deck-choices-heading">
      <h2 id="deck-choices-heading">Your decks</h2>
      <ul className={styles.deckList}>
        {decks.map((deck) => (
          <DeckRow key={deck.slug} deck={deck} presets={presets} />
        ))}
      </ul>
    </section>
  );
}

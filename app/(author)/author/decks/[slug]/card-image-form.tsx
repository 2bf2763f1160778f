"use client";

import { useActionState } from "react";
import { setCardImageAction } from "./actions";
import styles from "./card-image-form.module.css";

const MAX_MEGABYTES = 2;

/** The picture of one card: upload (PNG, JPEG, WebP or GIF up to 2 MB), replace or remove. */
export function CardImageForm({ cardId, imageId }: { cardId: string; imageId: string | null }) {
  const [state, save, saving] = useActionState(setCardImageAction, null);
  const inputId = `image-${cardId}`;
  return (
    <form action={save} className={styles.form} aria-label="Picture of this card">
      <input type="hidden" name="cardId" value={cardId} />
      {imageId && (
        // biome-ignore lint/performance/noImgElement: a private, authenticated picture; next/image would proxy and cache it
        <img
          className={styles.preview}
          src={`/api/images/${encodeURIComponent(imageId)}`}
          alt="The card's current illustration"
        />
      )}
      <label htmlFor={inputId}>{imageId ? "Replace the picture" : "Picture (optional)"}</label>
      <input
        id={inputId}
        name="image"
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif"
        aria-describedby={`${inputId}-hint`}
      />
      <p id={`${inputId}-hint`} className="hint">
        PNG, JPEG, WebP or GIF, up to {MAX_MEGABYTES} MB. Shown with the question.
      </p>
      <div className={styles.actions}>
        <button type="submit" className="button secondary" disabled={saving}>
          {saving ? "Uploading…" : "Save picture"}
        </button>
        {imageId && (
          <button type="submit" name="remove" value="1" className="button secondary" disabled={saving}>
            Remove picture
          </button>
        )}
      </div>
      <p aria-live="polite" className="small">
        {state?.message}
      </p>
    </form>
  );
}

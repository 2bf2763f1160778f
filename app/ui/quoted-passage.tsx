import styles from "./quoted-passage.module.css";
/**
 * The passage a card's source link pointed at, above a document's text; or, when the link named
 * a passage no card quotes any more, a note that the document is shown in full.
 */
export function QuotedPassage({
  current,
  followed,
}: {
  current: { quote: string; quoteId: string } | null | undefined;
  followed: boolean;
}) {
  if (current)
    return (
      <aside className={styles.quoteCallout} aria-label="Quoted passage">
        <p className="small">
          <strong>Quoted passage</strong>, highlighted in the text below:
        </p>
        <blockquote>“{current.quote}”</blockquote>
        <a href={`#q-${current.quoteId}`} className="small">
          Jump to the passage
        </a>
      </aside>
    );
  if (!followed) return null;
  return (
    <p className="alert small">
      The passage you followed is no longer quoted by any card. The document is shown in full.
    </p>
  );
}

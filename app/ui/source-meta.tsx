import type { SOURCE_KINDS } from "@/lib/content/schema";
import styles from "../(study)/sources/sources.module.css";

type SourceKind = (typeof SOURCE_KINDS)[number];

const KIND_LABELS: Record<SourceKind, string> = {
  article: "Article",
  blog: "Blog post",
  "journal-abstract": "Journal abstract",
  "study-list": "Study list",
};

export interface SourceMetaFields {
  kinds: SourceKind[];
  author: string | null;
  publisher: string | null;
  year: number | null;
  reference: string | null;
}

/** A web address for a reference that is a URL or a bare DOI; null for a citation in words. */
function referenceHref(reference: string): string | null {
  if (/^https?:\/\/\S+$/.test(reference)) return reference;
  const doi = /^(?:doi:\s*)?(10\.\d{4,9}\/\S+)$/i.exec(reference);
  return doi ? `https://doi.org/${doi[1]}` : null;
}

export function SourceKinds({ kinds }: { kinds: SourceKind[] }) {
  return (
    <span className={`row ${styles.sourceKinds}`}>
      {kinds.map((kind) => (
        <span key={kind} className="pill">
          {KIND_LABELS[kind]}
        </span>
      ))}
    </span>
  );
}

/** Author, publisher, year and reference of a source, leaving out what its front-matter lacks. */
export function SourceMeta({ source }: { source: SourceMetaFields }) {
  const href = source.reference ? referenceHref(source.reference) : null;
  return (
    <dl className={styles.sourceMeta}>
      <div>
        <dt>Author</dt>
        <dd>{source.author ?? <span className="muted">Not named</span>}</dd>
      </div>
      {source.publisher && (
        <div>
          <dt>Publisher</dt>
          <dd>{source.publisher}</dd>
        </div>
      )}
      <div>
        <dt>Year</dt>
        <dd>{source.year ?? <span className="muted">Not given</span>}</dd>
      </div>
      {source.reference && (
        <div>
          <dt>Reference</dt>
          <dd>
            {href ? (
              <a href={href} rel="noreferrer">
                {source.reference}
              </a>
            ) : (
              source.reference
            )}
          </dd>
        </div>
      )}
    </dl>
  );
}

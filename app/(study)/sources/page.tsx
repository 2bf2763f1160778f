import type { Metadata } from "next";
import Link from "next/link";
import { SourceKinds, SourceMeta } from "@/app/ui/source-meta";
import { requirePageUser } from "@/lib/auth/session";
import { listSources } from "@/lib/data/content";
import styles from "./sources.module.css";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage() {
  await requirePageUser("/sources");
  const sources = await listSources();
  return (
    <>
      <h1>Sources</h1>
      <p className="muted">
        The documents the decks quote, exactly as received. Passages that cards quote are highlighted in each
        one.
      </p>
      <p className="disclaimer small">Educational content, not medical advice.</p>
      {sources.length === 0 ? (
        <div className="card empty-state">No sources are loaded. Run npm run db:seed.</div>
      ) : (
        <ul className={`feature-list ${styles.sourceList}`}>
          {sources.map((source) => (
            <li key={source.slug} className="card">
              <SourceKinds kinds={source.kinds} />
              <h2>
                <Link href={`/sources/${source.slug}`}>{source.title}</Link>
              </h2>
              <SourceMeta source={source} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

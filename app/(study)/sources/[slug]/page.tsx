import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QuoteFocus } from "@/app/ui/quote-focus";
import { QuotedPassage } from "@/app/ui/quoted-passage";
import { SourceKinds, SourceMeta } from "@/app/ui/source-meta";
import { SourceText } from "@/app/ui/source-text";
import { currentUser, requirePageUser } from "@/lib/auth/session";
import { getQuotesForSource, getSource } from "@/lib/data/content";
import styles from "../sources.module.css";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ q?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const source = (await currentUser()) ? await getSource((await params).slug) : null;
  return { title: source?.title ?? "Source" };
}

export default async function SourcePage({ params, searchParams }: Props) {
  const [{ slug }, { q }] = await Promise.all([params, searchParams]);
  const followed = typeof q === "string" && /^[0-9a-z]{1,64}$/i.test(q) ? q : null;
  await requirePageUser(`/sources/${encodeURIComponent(slug)}${followed ? `?q=${followed}` : ""}`);
  const [source, quotes] = await Promise.all([getSource(slug), getQuotesForSource(slug)]);
  if (!source) notFound();
  const current = quotes.find((quote) => quote.quoteId === followed) ?? null;

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <Link href="/sources">Sources</Link> <span aria-hidden="true">/</span>
      </nav>
      <header className={`card ${styles.sourceHeader}`}>
        <SourceKinds kinds={source.kinds} />
        <h1>{source.title}</h1>
        <SourceMeta source={source} />
        <p className="disclaimer small">Educational content, not medical advice.</p>
      </header>

      <QuotedPassage current={current} followed={Boolean(followed)} />

      <p className={`muted small ${styles.sourceKey}`}>
        <mark className="quote">Highlighted</mark> passages are quoted by cards or quiz questions (
        {quotes.length} {quotes.length === 1 ? "passage" : "passages"}).
      </p>
      <article className={`card ${styles.sourceArticle}`} aria-labelledby="document-text-heading">
        <h2 id="document-text-heading" className="visually-hidden">
          Document text
        </h2>
        <SourceText body={source.body} quotes={quotes} current={current?.quoteId ?? null} />
      </article>
      <QuoteFocus quoteId={current?.quoteId ?? null} />
    </>
  );
}

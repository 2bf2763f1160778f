import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QuoteFocus } from "@/app/ui/quote-focus";
import { QuotedPassage } from "@/app/ui/quoted-passage";
import { SourceText } from "@/app/ui/source-text";
import { currentUser, requirePageUser } from "@/lib/auth/session";
import { FORMAT_NAMES } from "@/lib/authoring/limits";
import { getPublishedQuotes, getReadableDocument } from "@/lib/data/documents";
import type { DocumentFormat } from "@/lib/documents/types";
import { documentIdSchema } from "@/lib/validations/document";
import styles from "../../../(study)/sources/sources.module.css";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ q?: string | string[] }>;
};

async function readable(id: string) {
  const user = await currentUser();
  return user && documentIdSchema.safeParse(id).success ? getReadableDocument(user.id, id) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const doc = await readable((await params).id);
  return { title: doc?.title ?? "Document" };
}

/** An uploaded document in the source viewer, for its owner and the clients of an assigned deck. */
export default async function UserDocumentPage({ params, searchParams }: Props) {
  const [{ id }, { q }] = await Promise.all([params, searchParams]);
  const followed = typeof q === "string" && /^[0-9a-z]{1,64}$/i.test(q) ? q : null;
  await requirePageUser(`/documents/${encodeURIComponent(id)}${followed ? `?q=${followed}` : ""}`);
  const doc = await readable(id);
  if (!doc) notFound();
  const quotes = await getPublishedQuotes(doc.id, doc.deckSlug);
  const current = quotes.find((quote) => quote.quoteId === followed) ?? null;
  return (
    <>
      {doc.own && (
        <nav aria-label="Breadcrumb" className="breadcrumb small">
          <Link href="/author">Your documents</Link> <span aria-hidden="true">/</span>{" "}
          <Link href={`/author/${doc.id}`}>Review its cards</Link>
        </nav>
      )}
      <header className={`card ${styles.sourceHeader}`}>
        <h1>{doc.title}</h1>
        <p className="muted small">
          {FORMAT_NAMES[doc.format as DocumentFormat] ?? doc.format}
          {doc.fileName ? ` · ${doc.fileName}` : ""} · brought by {doc.own ? "you" : doc.ownerName}
        </p>
        <p className="disclaimer small">Educational content, not medical advice.</p>
      </header>
      <QuotedPassage current={current} followed={Boolean(followed)} />
      <p className={`muted small ${styles.sourceKey}`}>
        <mark className="quote">Highlighted</mark> passages are quoted by the published deck&apos;s cards or
        questions ({quotes.length} {quotes.length === 1 ? "passage" : "passages"}).
      </p>
      <article className={`card ${styles.sourceArticle}`} aria-labelledby="document-text-heading">
        <h2 id="document-text-heading" className="visually-hidden">
          Document text
        </h2>
        <SourceText body={doc.body} quotes={quotes} current={current?.quoteId ?? null} />
      </article>
      <QuoteFocus quoteId={current?.quoteId ?? null} />
    </>
  );
}

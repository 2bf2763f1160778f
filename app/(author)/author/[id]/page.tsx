import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SourceText } from "@/app/ui/source-text";
import { requirePageUser } from "@/lib/auth/session";
import { groupQuotes } from "@/lib/authoring/quote-groups";
import { getDraft } from "@/lib/data/documents";
import { documentIdSchema } from "@/lib/validations/document";
import { PublishForm } from "./publish-form";
import { ReviewWorkspace } from "./review-workspace";

export const metadata: Metadata = { title: "Review proposals" };

type Props = { params: Promise<{ id: string }> };

export default async function ReviewPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/author/${encodeURIComponent(id)}`);
  const draft = documentIdSchema.safeParse(id).success ? await getDraft(user.id, id) : null;
  if (!draft) notFound();
  const { quotes, groupOf } = groupQuotes(
    draft.items.map((item) => ({ id: item.id, quote: item.payload.quote })),
  );
  const accepted = draft.items.filter((item) => item.status === "accepted").length;
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <Link href="/author">Your documents</Link> <span aria-hidden="true">/</span>
      </nav>
      <h1>{draft.document.title}</h1>
      <p className="muted small">
        Keys: <kbd>j</kbd>/<kbd>↓</kbd> next, <kbd>k</kbd>/<kbd>↑</kbd> previous, <kbd>a</kbd> accept,{" "}
        <kbd>r</kbd> reject, <kbd>e</kbd> edit, <kbd>c</kbd> card from the selected text. Select text in the
        document to make a card from it.
      </p>
      <ReviewWorkspace
        documentId={draft.document.id}
        body={draft.document.body}
        initialItems={draft.items}
        groupOf={groupOf}
      >
        <SourceText body={draft.document.body} quotes={quotes} current={null} />
      </ReviewWorkspace>
      <PublishForm
        documentId={draft.document.id}
        title={draft.document.title}
        deckSlug={draft.document.deckSlug}
        accepted={accepted}
      />
    </>
  );
}

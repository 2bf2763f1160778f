import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { ACCEPTED_EXTENSIONS, DOCUMENT_LIMITS } from "@/lib/authoring/limits";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "Bring a document" };

export default async function NewDocumentPage() {
  await requirePageUser("/author/new");
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <Link href="/author">Your documents</Link> <span aria-hidden="true">/</span>
      </nav>
      <h1>Bring a document</h1>
      <p className="muted">
        Upload a Markdown, text, web page (HTML), PDF or Word (.docx) file of up to 10 MB, or paste the text.
        Its text is stored once, unchanged, and every card you make must quote it word for word.
      </p>
      <UploadForm maxBytes={DOCUMENT_LIMITS.maxBytes} accept={ACCEPTED_EXTENSIONS} />
    </>
  );
}

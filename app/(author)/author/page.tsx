import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { FORMAT_NAMES } from "@/lib/authoring/limits";
import { listUserDocuments } from "@/lib/data/documents";
import type { DocumentFormat } from "@/lib/documents/types";

export const metadata: Metadata = { title: "Your documents" };

export default async function AuthorPage() {
  const user = await requirePageUser("/author");
  const documents = await listUserDocuments(user.id);
  return (
    <>
      <h1>Your documents</h1>
      <p className="muted">
        Bring an article, abstract or your own notes: Retain proposes cards and quiz questions that quote it
        word for word, with an evidence level. You review them, edit, and publish a deck. Only you see your
        documents
        {user.role === "trainer" ? ", and the clients you assign a deck to see its document" : ""}.
      </p>
      <p>
        <Link className="button" href="/author/new">
          Bring a document
        </Link>
      </p>
      {documents.length === 0 ? (
        <div className="card empty-state">No documents yet.</div>
      ) : (
        <ul className="feature-list">
          {documents.map((doc) => (
            <li key={doc.id} className="card">
              <h2>
                <Link href={`/author/${doc.id}`}>{doc.title}</Link>
              </h2>
              <p className="muted small">
                {FORMAT_NAMES[doc.format as DocumentFormat] ?? doc.format} · {doc.accepted} accepted ·{" "}
                {doc.open} to review
                {doc.deckSlug && (
                  <>
                    {" "}
                    · <Link href={`/decks/${doc.deckSlug}`}>published deck</Link>
                  </>
                )}{" "}
                · <Link href={`/documents/${doc.id}`}>read the document</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { APKG_LIMITS } from "@/lib/exchange/apkg/package-read.mjs";
import { CARD_IMPORT_LIMITS } from "@/lib/exchange/card-import";
import { ImportForm } from "./import-form";
import { PackageForm } from "./package-form";

export const metadata: Metadata = { title: "Import cards" };

export default async function ImportCardsPage() {
  await requirePageUser("/decks/import");
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb small">
        <Link href="/decks">Decks</Link> <span aria-hidden="true">/</span>
      </nav>
      <h1>Import your own cards</h1>
      <p className="muted">
        A CSV or TSV file with a front and a back per line, and optional tags, becomes a deck only you can
        see. A first line naming the columns (front, back, tags) is optional. You see every card and every
        problem before anything is saved.
      </p>
      <ImportForm maxBytes={CARD_IMPORT_LIMITS.maxBytes} maxCards={CARD_IMPORT_LIMITS.maxCards} />
      <section aria-labelledby="package-heading" className="stack">
        <h2 id="package-heading">From Anki</h2>
        <p className="muted">
          An Anki package becomes a deck only you can see, with your reviews from Anki. Retain reads
          Anki&apos;s legacy collection format (collection.anki2 / .anki21).
        </p>
        <PackageForm maxBytes={APKG_LIMITS.maxBytes} />
      </section>
    </>
  );
}

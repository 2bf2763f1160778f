import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { getMail } from "@/lib/data/notifications";
import { NotFoundError } from "@/lib/errors";
import styles from "../../notifications.module.css";

export const metadata: Metadata = { title: "Email" };

/** One of the user's emails as plain text (another user's id is not found). */
export default async function MailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/notifications/mail/${encodeURIComponent(id)}`);
  const message = await getMail(user.id, id.slice(0, 100)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <p>
        <Link href="/notifications/mail">← All mail</Link>
      </p>
      <h1>{message.subject}</h1>
      <p className="muted">To {message.toAddress}</p>
      <pre className={`card ${styles.message}`}>{message.text}</pre>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { listMail } from "@/lib/data/notifications";
import styles from "../notifications.module.css";

export const metadata: Metadata = { title: "Mail" };

const STATUS: Record<string, string> = {
  outbox: "Kept here (no mail server configured)",
  sent: "Sent",
  pending: "Sending",
  failed: "Not delivered yet (retried)",
};
const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** The emails Retain wrote to the signed-in user: without SMTP this is where they can be read. */
export default async function MailPage() {
  const user = await requirePageUser("/notifications/mail");
  const mail = await listMail(user.id);
  return (
    <>
      <h1>Mail</h1>
      <p className="muted">
        Every email Retain wrote to you. When this installation has no mail server (no <code>SMTP_URL</code>),
        they stay here instead of being sent. <Link href="/notifications">Back to notifications</Link>
      </p>
      {mail.length === 0 ? (
        <p className="card">No email yet.</p>
      ) : (
        <table className={`card ${styles.table}`}>
          <caption className="visually-hidden">Your email, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">To</th>
              <th scope="col">Written</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {mail.map((message) => (
              <tr key={message.id}>
                <td>
                  <Link href={`/notifications/mail/${message.id}`}>{message.subject}</Link>
                </td>
                <td>{message.toAddress}</td>
                <td>
                  <time dateTime={message.createdAt.toISOString()}>{when.format(message.createdAt)} UTC</time>
                </td>
                <td>{STATUS[message.status] ?? message.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

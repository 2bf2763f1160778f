import type { Metadata } from "next";
import Link from "next/link";
import { peekUnsubscribe, UNSUBSCRIBE_WHAT } from "@/lib/data/notifications";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

/** The unsubscribe link's confirmation page: no sign-in; the button posts the one-click request. */
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const [{ token }, { done }] = await Promise.all([params, searchParams]);
  const link = await peekUnsubscribe(token);
  const what = link.state === "invalid" ? "" : (UNSUBSCRIBE_WHAT[link.kind] ?? "these emails");
  return (
    <section className="card auth-panel">
      <h1>Unsubscribe</h1>
      {link.state === "invalid" && <p role="alert">This unsubscribe link is not valid.</p>}
      {link.state === "used" && (
        <p role="status">
          {done
            ? `Done: you will no longer get ${what} by email.`
            : `This link was already used: ${what} is off.`}
        </p>
      )}
      {link.state === "ready" && (
        <form method="post" action={`/api/unsubscribe/${encodeURIComponent(token)}`}>
          <p>Stop getting {what} from Retain?</p>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <button type="submit" className="button">
            Unsubscribe
          </button>
        </form>
      )}
      <p className="muted small">
        You can choose what Retain sends you at any time in{" "}
        <Link href="/settings#notifications">Settings</Link>.
      </p>
    </section>
  );
}

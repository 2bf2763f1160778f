import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { ChangePasswordForm, DeleteAccountForm, SignOutEverywhere } from "./account-forms";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  return (
    <>
      <h1>Account</h1>
      <p className="muted">
        Signed in as {user.email} ({user.role}).
      </p>
      <div className="grid">
        <section className="card" aria-labelledby="password-heading">
          <h2 id="password-heading">Change password</h2>
          <ChangePasswordForm userId={user.id} />
        </section>
        <section className="card" aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">Sessions</h2>
          <p className="muted small">Signs you out on every browser and device, this one included.</p>
          <SignOutEverywhere userId={user.id} />
        </section>
        <section className="card" aria-labelledby="data-heading">
          <h2 id="data-heading">Your data</h2>
          <p className="muted small">
            Everything Retain stores about you: profile, settings, every card&apos;s schedule, every answer,
            quizzes and trainer links.
          </p>
          <div className="row">
            <a href="/api/account/export" className="button secondary" download>
              Download my data (JSON)
            </a>
            <a href="/api/account/review-log" className="button secondary" download>
              Download my review log (CSV)
            </a>
          </div>
          <p className="muted small">
            The review log has one row per answer (card_id, review_time in ms, review_rating, review_state,
            review_duration), the format FSRS tools read, such as the FSRS optimizer. Quiz answers that moved
            your schedule are included. Days start at your study day&apos;s rollover hour in your time zone.
          </p>
        </section>
        <section className="card" aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete account</h2>
          <p className="muted small">
            Deletes your account with your whole review history. Trainers lose access at once. This cannot be
            undone.
          </p>
          <DeleteAccountForm userId={user.id} />
        </section>
      </div>
    </>
  );
}

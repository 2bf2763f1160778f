import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { ChangePasswordForm, SignOutEverywhere } from "./account-forms";

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
          <ChangePasswordForm />
        </section>
        <section className="card" aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">Sessions</h2>
          <p className="muted small">Signs you out on every browser and device, this one included.</p>
          <SignOutEverywhere />
        </section>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { signInPageMessage } from "@/lib/auth/sign-in-errors";
import { safeReturnTo } from "@/lib/validations/return-to";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const returnTo = safeReturnTo(callbackUrl);
  if (await currentUser()) redirect(returnTo);
  return (
    <section className="card auth-panel">
      <h1>Sign in</h1>
      <SignInForm
        returnTo={returnTo}
        // Only a message chosen from the code: the query is the visitor's to write.
        initialError={typeof error === "string" && error ? signInPageMessage(error) : undefined}
      />
      <p className="muted small">
        New here? <Link href={`/sign-up?callbackUrl=${encodeURIComponent(returnTo)}`}>Create an account</Link>
      </p>
    </section>
  );
}

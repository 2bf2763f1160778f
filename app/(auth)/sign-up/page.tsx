import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { safeReturnTo } from "@/lib/validations/return-to";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const returnTo = safeReturnTo((await searchParams).callbackUrl);
  if (await currentUser()) redirect(returnTo);
  return (
    <section className="card auth-panel">
      <h1>Create your account</h1>
      <SignUpForm returnTo={returnTo} />
      <p className="muted small">
        Already have an account?{" "}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`}>Sign in</Link>
      </p>
    </section>
  );
}

"use client";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <section className="card empty-state" role="alert">
      <h1>Something went wrong</h1>
      <p>We could not show this page. Your study progress is safe.</p>
      {error.digest && <p className="small">Reference: {error.digest}</p>}
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}

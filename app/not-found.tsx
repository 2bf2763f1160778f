import { AppLink } from "@/app/ui/app-link";

export default function NotFound() {
  return (
    <section className="card empty-state">
      <h1>Page not found</h1>
      <p>The page you asked for does not exist, or you do not have access to it.</p>
      <AppLink href="/" className="button">
        Go home
      </AppLink>
    </section>
  );
}

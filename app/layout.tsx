import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/app/ui/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Retain", template: "%s · Retain" },
  description:
    "Cited flashcards and quizzes on vitamin K2, scheduled with FSRS, for trainers and their clients.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f7f4" },
    { media: "(prefers-color-scheme: dark)", color: "#111315" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main">
          <div className="container">{children}</div>
        </main>
        <footer className="site-footer">
          <div className="container">Retain · educational content, not medical advice.</div>
        </footer>
      </body>
    </html>
  );
}

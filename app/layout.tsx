import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { ServiceWorker } from "@/app/ui/service-worker";
import { ShortcutsKey } from "@/app/ui/shortcuts-key";
import { SiteHeader } from "@/app/ui/site-header";
import { THEME_SCRIPT } from "@/app/ui/theme-script";
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

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The proxy's per-request CSP nonce (proxy.ts): the theme script must run before paint, inline.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The theme script sets data-theme before React hydrates: that attribute is expected to differ.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script of ours, nonced */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <ServiceWorker />
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main">
          <div className="container">{children}</div>
        </main>
        <ShortcutsKey />
        <footer className="site-footer">
          <div className="container">Retain · educational content, not medical advice.</div>
        </footer>
      </body>
    </html>
  );
}

import type { MetadataRoute } from "next";

/** The web app manifest: Retain can be installed, and opens on the dashboard. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Retain",
    short_name: "Retain",
    description: "Cited flashcards and quizzes on vitamin K2, scheduled with FSRS.",
    start_url: "/dashboard",
    scope: "/",
    display: "standalone",
    background_color: "#f7f7f4",
    theme_color: "#1f6f5c",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon-512-maskable.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}

import { describe, expect, it } from "vitest";
import { pagesRouterOnlyChunks, withoutFiles } from "./precache";

const manifest = {
  pages: {
    "/_app": ["static/chunks/app-shell.js", "static/chunks/react-pages.js", "static/chunks/turbopack-rt.js"],
    "/_error": ["static/chunks/error.js", "static/chunks/turbopack-rt.js"],
  },
  rootMainFiles: ["static/chunks/main.js", "static/chunks/turbopack-rt.js"],
  polyfillFiles: ["static/chunks/polyfills.js"],
};

describe("the service worker's precache", () => {
  it("leaves out the Pages Router's own client chunks, but not those the app's pages share", () => {
    const skip = pagesRouterOnlyChunks(manifest);
    expect([...skip].sort()).toEqual([
      "static/chunks/app-shell.js",
      "static/chunks/error.js",
      "static/chunks/react-pages.js",
    ]);
    const entries = [
      ".next/static/chunks/main.js",
      ".next/static/chunks/turbopack-rt.js",
      ".next/static/chunks/react-pages.js",
      ".next/static/chunks/error.js",
      "/icon.svg",
    ].map((url) => ({ url, revision: null }));
    expect(withoutFiles(entries, skip).map((entry) => entry.url)).toEqual([
      ".next/static/chunks/main.js",
      ".next/static/chunks/turbopack-rt.js",
      "/icon.svg",
    ]);
  });

  it("keeps everything in a build without a pages directory", () => {
    const appOnly = { pages: { "/_app": [] }, rootMainFiles: ["static/chunks/main.js"], polyfillFiles: [] };
    expect(pagesRouterOnlyChunks(appOnly).size).toBe(0);
  });
});

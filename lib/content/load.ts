import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { buildContent } from "./build-content";
import type { ContentBuild, ContentFile } from "./types";

const FOLDERS = ["content/sources", "content/decks"];
const CONFIG_FILES = ["content/evidence.yaml", "content/tables.yaml", "content/ids.lock"];

async function listFiles(rootDir: string, folder: string): Promise<string[]> {
  try {
    const names = await readdir(path.join(rootDir, folder));
    return names.filter((n) => /\.(md|ya?ml)$/.test(n)).map((n) => `${folder}/${n}`);
  } catch (error) {
    // A folder that does not exist yet (no decks written) is empty content, not a failure.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** Reads every content file under `rootDir/content` (paths relative to `rootDir`, sorted). */
export async function readContentFiles(rootDir: string = process.cwd()): Promise<ContentFile[]> {
  const listed = (await Promise.all(FOLDERS.map((f) => listFiles(rootDir, f)))).flat();
  const files: ContentFile[] = [];
  for (const rel of [...listed.sort(), ...CONFIG_FILES]) {
    try {
      files.push({ path: rel, text: await readFile(path.join(rootDir, rel), "utf8") });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  return files;
}

/** Loads and validates all content; callers must refuse to use it when `errors` is not empty. */
export async function loadContentFromDisk(rootDir: string = process.cwd()): Promise<ContentBuild> {
  return buildContent(await readContentFiles(rootDir));
}

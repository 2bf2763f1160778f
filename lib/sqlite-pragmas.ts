import Database from "better-sqlite3";
import { providerOf, sqlitePath } from "./database-url";

/**
 * WAL lets readers work while one writer commits. The journal mode is stored in the file,
 * so setting it once (at migrate time) covers every later connection.
 */
export function configureSqlite(url: string): void {
  if (providerOf(url) !== "sqlite") return;
  const db = new Database(sqlitePath(url));
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}

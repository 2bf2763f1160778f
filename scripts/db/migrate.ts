import { databaseUrl } from "../../lib/database-url";
import { applyMigrations } from "../../lib/migrations";
import { configureSqlite } from "../../lib/sqlite-pragmas";
import { runScript } from "../run-script";

runScript(async () => {
  const url = databaseUrl();
  // WAL is set before migrating: the engine holds an exclusive lock while it works.
  configureSqlite(url);
  const applied = await applyMigrations(url);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database is up to date.");
});

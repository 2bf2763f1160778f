// node scripts/reliability/hold-write-lock.mjs FILE MILLISECONDS [immediate|exclusive]
// Another process taking SQLite's write lock on FILE and holding it (prisma/orm#29933's trigger).
// Prints "locked" once it holds the lock and "released" after COMMIT. Plain Node, so it starts fast.
import Database from "better-sqlite3";

const [file, holdMs = "6000", mode = "immediate"] = process.argv.slice(2);
if (!file || !["immediate", "exclusive"].includes(mode)) {
  console.error("usage: hold-write-lock.mjs FILE MILLISECONDS [immediate|exclusive]");
  process.exit(2);
}
const db = new Database(file, { timeout: 10_000 });
db.exec(`BEGIN ${mode.toUpperCase()}`);
// A write inside the transaction, as a real writer would have; rolled back below.
db.exec("CREATE TABLE reliability_lock_probe (x)");
process.stdout.write("locked\n");
setTimeout(() => {
  db.exec("ROLLBACK");
  db.close();
  process.stdout.write("released\n");
}, Number(holdMs));

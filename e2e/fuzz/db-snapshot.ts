import { createHash } from "node:crypto";
import Database from "better-sqlite3";

/**
 * Tables that change on a rejected request by design: the sign-in throttle counts failed
 * attempts (docs/reliability.md, "Sign-in throttling").
 */
const CHANGING_TABLES = new Set(["rate_limits"]);

/**
 * Watches the fuzz server's SQLite file from a read-only connection. `data_version` moves when
 * another connection commits, so each request costs one pragma, and the tables are hashed (every
 * table but the throttle's, schema included) only when something was written.
 */
export class DatabaseWatch {
  private readonly db: Database.Database;
  private version: number;
  private baseline: Map<string, string>;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.version = this.dataVersion();
    this.baseline = this.tableHashes();
  }

  private dataVersion(): number {
    return this.db.pragma("data_version", { simple: true }) as number;
  }

  /** A digest per table: its schema and its rows, sorted so that row order does not matter. */
  tableHashes(): Map<string, string> {
    const tables = this.db
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name",
      )
      .all();
    const hashes = new Map<string, string>();
    for (const { name, sql } of tables) {
      if (CHANGING_TABLES.has(name)) continue;
      const rows = this.db
        .prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`)
        .raw()
        .all()
        .map((row) => JSON.stringify(row))
        .sort();
      hashes.set(name, createHash("sha256").update(sql).update(rows.join("\n")).digest("hex"));
    }
    return hashes;
  }

  /** Tables that differ from the baseline (added or dropped tables included). */
  changedTables(): string[] {
    const now = this.tableHashes();
    const names = new Set([...now.keys(), ...this.baseline.keys()]);
    return [...names].filter((name) => now.get(name) !== this.baseline.get(name)).sort();
  }

  /** Takes the current content as the new baseline (after a change was reported). */
  rebase() {
    this.baseline = this.tableHashes();
    this.version = this.dataVersion();
  }

  /** Cheap check after each request: only hashes when another connection committed. */
  changedSinceLastLook(): string[] {
    const version = this.dataVersion();
    if (version === this.version) return [];
    this.version = version;
    return this.changedTables();
  }

  close() {
    this.db.close();
  }
}

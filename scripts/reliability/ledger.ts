import { percentiles } from "../bench/stats";

/**
 * What the simulated tabs know from the server's answers, kept across server restarts: which
 * idempotency keys were acknowledged (a 2xx reached the tab), refused as stale (409), or are in
 * doubt (sent, then the connection died before an answer). Protocol violations seen in any answer
 * are collected as `anomalies`; the tools fail when there is one.
 */
export class Ledger {
  /** key -> learner id, for every key answered 2xx. */
  readonly acknowledged = new Map<string, string>();
  /** Keys answered 409 and never acknowledged. */
  readonly stale = new Set<string>();
  /** key -> learner id, for keys sent without an answer (the server died); a tab resends them. */
  readonly inDoubt = new Map<string, string>();
  readonly statuses = new Map<number, number>();
  readonly anomalies: string[] = [];
  readonly latencies: number[] = [];
  requests = 0;
  /** Deliberate resends of a key the tab had sent before. */
  resends = 0;
  /** Resends of an acknowledged key, answered 2xx "duplicate" (nothing written). */
  duplicatesAnswered = 0;
  /**
   * How keys in doubt were settled when their tab sent them again after a restart: "duplicate"
   * (committed before the crash), "recorded" (not committed; written now) or "stale" (not
   * committed; the card had moved on).
   */
  readonly inDoubtSettled = { duplicate: 0, recorded: 0, stale: 0 };
  /** 503 answers (database busy) that the tab waited out and sent again. */
  busyRetries = 0;
  networkErrors = 0;
  /** Network errors by cause (ECONNRESET, ECONNREFUSED, …). */
  readonly networkCauses = new Map<string, number>();
  /** Every 503: whether it carried Retry-After and a JSON error message. */
  readonly busyAnswers: { retryAfter: string | null; message: unknown; at: number }[] = [];
  /** Answer times and statuses (0: the connection failed), for the lock tool's timeline. */
  readonly timeline: { sentAt: number; at: number; status: number }[] = [];

  count(status: number): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  networkError(error: unknown): void {
    this.networkErrors++;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const name = cause?.code ?? cause?.message ?? String(error);
    this.networkCauses.set(name, (this.networkCauses.get(name) ?? 0) + 1);
  }

  anomaly(message: string): void {
    if (this.anomalies.length < 50) this.anomalies.push(message);
    else if (this.anomalies.length === 50) this.anomalies.push("… (more anomalies not listed)");
  }

  serverErrors(): number {
    let n = 0;
    for (const [status, count] of this.statuses) if (status >= 500) n += count;
    return n;
  }

  summary(seconds: number): string {
    const latency = percentiles(this.latencies);
    const ok = [...this.statuses].filter(([s]) => s >= 200 && s < 300).reduce((sum, [, n]) => sum + n, 0);
    const statuses = [...this.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
    return [
      `requests ${this.requests} (${(this.requests / seconds).toFixed(0)}/s, 2xx ${(ok / seconds).toFixed(0)}/s); statuses ${statuses.join(", ")}`,
      `deliberate resends ${this.resends} (${((100 * this.resends) / Math.max(1, this.requests)).toFixed(1)}%), of which acknowledged keys answered "duplicate": ${this.duplicatesAnswered}`,
      `latency p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(0)} ms`,
      `acknowledged keys ${this.acknowledged.size}; stale (409) keys ${this.stale.size}; in doubt ${this.inDoubt.size}; ` +
        `network errors ${this.networkErrors}${this.networkErrors ? ` (${[...this.networkCauses].map(([c, n]) => `${c}: ${n}`).join(", ")})` : ""}`,
    ].join("\n  ");
  }
}

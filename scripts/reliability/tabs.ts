import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Ledger } from "./ledger";

/** The body of POST /api/reviews. */
export interface Submission {
  idempotencyKey: string;
  cardId: string;
  rating: number;
  expectedVersion: number;
  answeredAt: number;
  durationMs: number;
}

interface CardState {
  cardId: string;
  version: number;
}

export interface LoadOptions {
  /** Stop starting new answers after this time (epoch ms). */
  until: number;
  /** Share of requests that resend a key the tab sent before. */
  resendRate: number;
  /** Pause between a tab's answers (ms); 0 sends the next one as soon as the last is answered. */
  pauseMs?: number;
  /** Wait out a 503 (its Retry-After) and send the same key again, as the study outbox does. */
  retryBusy?: boolean;
  /** Set to stop every tab at once (e.g. the server was killed). */
  stop?: { stopped: boolean };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const RATINGS = [1, 2, 3, 3, 3, 3, 4] as const;
const NETWORK_RETRY_MS = 250;

/**
 * One browser tab of a learner, studying `cards`. Like the study client (lib/study/outbox), it
 * keeps its own view of each card's version, sends that as expectedVersion, and on a 409 adopts
 * the card's current state from the answer's body. Two tabs of one learner on overlapping cards
 * therefore make real stale submits. An answer whose connection died stays `pending` and is sent
 * again (first thing on the next run after a kill), like an outbox entry that survives a crash.
 */
export class Tab {
  private readonly versions = new Map<string, number>();
  private readonly sent: Submission[] = [];
  private pending: Submission | null = null;

  constructor(
    readonly userId: string,
    private readonly cookie: string,
    private readonly cards: readonly string[],
  ) {}

  /** Answers cards until `until` or the connection dies; resolves when the tab stops. */
  async run(baseUrl: string, ledger: Ledger, options: LoadOptions): Promise<void> {
    while (!options.stop?.stopped) {
      let submission: Submission;
      let resend = false;
      if (this.pending) {
        submission = this.pending;
      } else {
        if (Date.now() >= options.until) return;
        resend = this.sent.length > 0 && Math.random() < options.resendRate;
        submission = resend ? this.pickSent() : this.nextAnswer();
      }
      const outcome = await this.submit(baseUrl, ledger, submission, resend, options);
      if (outcome === "lost") return;
      if (options.pauseMs) await sleep(options.pauseMs * (0.5 + Math.random()));
    }
  }

  private nextAnswer(): Submission {
    const cardId = this.cards[Math.floor(Math.random() * this.cards.length)] as string;
    return {
      idempotencyKey: randomUUID(),
      cardId,
      rating: RATINGS[Math.floor(Math.random() * RATINGS.length)] as number,
      expectedVersion: this.versions.get(cardId) ?? 0,
      answeredAt: Date.now(),
      durationMs: 1000 + Math.floor(Math.random() * 7000),
    };
  }

  private pickSent(): Submission {
    return this.sent[Math.floor(Math.random() * this.sent.length)] as Submission;
  }

  private remember(submission: Submission): void {
    if (this.sent.includes(submission)) return;
    this.sent.push(submission);
    if (this.sent.length > 100) this.sent.shift();
  }

  private adopt(state: CardState): void {
    this.versions.set(state.cardId, state.version);
  }

  private async submit(
    baseUrl: string,
    ledger: Ledger,
    submission: Submission,
    resend: boolean,
    options: LoadOptions,
  ): Promise<"answered" | "lost"> {
    const key = submission.idempotencyKey;
    for (;;) {
      ledger.requests++;
      if (resend) ledger.resends++;
      this.remember(submission);
      const sentAt = performance.now();
      let status: number;
      let text: string;
      let retryAfter: string | null;
      try {
        const response = await fetch(`${baseUrl}/api/reviews`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: this.cookie },
          body: JSON.stringify(submission),
        });
        status = response.status;
        retryAfter = response.headers.get("retry-after");
        text = await response.text();
      } catch (error) {
        // Refused or reset: the answer may or may not have been committed. Like the outbox, the
        // tab keeps it and sends it again; after a kill the run is stopped instead.
        ledger.networkError(error);
        ledger.timeline.push({ sentAt, at: performance.now(), status: 0 });
        if (!ledger.acknowledged.has(key) && !ledger.stale.has(key)) ledger.inDoubt.set(key, this.userId);
        this.pending = submission;
        await sleep(NETWORK_RETRY_MS);
        // A server that stays unreachable well past the deadline is not coming back.
        if (options.stop?.stopped || Date.now() > options.until + 30_000) return "lost";
        resend = false;
        continue;
      }
      const at = performance.now();
      const body = parseBody(text);
      ledger.latencies.push(at - sentAt);
      ledger.timeline.push({ sentAt, at, status });
      ledger.count(status);
      const wasInDoubt = ledger.inDoubt.delete(key);
      this.pending = null;

      if (status >= 200 && status < 300) {
        this.acknowledge(ledger, submission, body, wasInDoubt);
        return "answered";
      }
      if (status === 409) {
        const current = body.current as CardState | undefined;
        if (typeof current?.version !== "number" || current.cardId !== submission.cardId) {
          ledger.anomaly(`409 without the card's current state for ${key}`);
        } else {
          if (current.version === submission.expectedVersion)
            ledger.anomaly(`409 although ${key} named the current version ${current.version}`);
          this.adopt(current);
        }
        if (ledger.acknowledged.has(key)) ledger.anomaly(`acknowledged key ${key} answered 409 on a resend`);
        else ledger.stale.add(key);
        if (wasInDoubt) ledger.inDoubtSettled.stale++;
        return "answered";
      }
      if (status === 503) {
        ledger.busyAnswers.push({ retryAfter, message: body.error, at });
        if (options.retryBusy && !options.stop?.stopped) {
          ledger.busyRetries++;
          resend = false;
          await sleep(1000 * (Number(retryAfter) || 1));
          continue;
        }
      }
      ledger.anomaly(`${status} for ${key}: ${String(body.error)}`);
      return "answered";
    }
  }

  private acknowledge(
    ledger: Ledger,
    submission: Submission,
    body: Record<string, unknown>,
    wasInDoubt: boolean,
  ): void {
    const key = submission.idempotencyKey;
    const { status, version, cardId } = body as { status?: string; version?: number; cardId?: string };
    if (typeof version !== "number" || cardId !== submission.cardId) {
      ledger.anomaly(`2xx without the card's state for ${key}`);
      return;
    }
    if (status === "recorded") {
      if (ledger.acknowledged.has(key)) ledger.anomaly(`key ${key} recorded twice`);
      if (ledger.stale.has(key)) ledger.anomaly(`key ${key} recorded after it was answered 409`);
      if (version !== submission.expectedVersion + 1)
        ledger.anomaly(
          `${key} recorded as version ${version} against expected ${submission.expectedVersion}`,
        );
      if (wasInDoubt) ledger.inDoubtSettled.recorded++;
    } else if (status === "duplicate") {
      if (ledger.acknowledged.has(key)) ledger.duplicatesAnswered++;
      else if (wasInDoubt) ledger.inDoubtSettled.duplicate++;
      else ledger.anomaly(`"duplicate" for ${key}, which was never recorded`);
    } else {
      ledger.anomaly(`unknown status "${status}" for ${key}`);
    }
    ledger.acknowledged.set(key, this.userId);
    ledger.stale.delete(key);
    this.adopt({ cardId, version });
  }
}

function parseBody(text: string): Record<string, unknown> {
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    return { error: `not JSON: ${text.slice(0, 80)}` };
  }
}

/** Runs every tab until the deadline (or a stop) and waits for all of them. */
export async function runTabs(baseUrl: string, tabs: readonly Tab[], ledger: Ledger, options: LoadOptions) {
  await Promise.all(tabs.map((tab) => tab.run(baseUrl, ledger, options)));
}

import type { LeechRule } from "@/lib/srs/leech";
import { becomesLeech } from "@/lib/srs/leech";
import { rate } from "@/lib/srs/scheduler";
import type { ReviewRating } from "@/lib/srs/types";
import { type MarksChange, outboxStorageKey } from "@/lib/study/outbox";
import { rateCurrent, resumeSession, undoLast } from "@/lib/study/session-answers";
import type { StudySessionData } from "@/lib/study/session-data";
import { promoteDue, type StudyQueueState, setAside, setFlag, studyAhead } from "@/lib/study/session-queue";
import { flushOtherOutboxes, outboxSync } from "./outbox-sync";
import { reconcile } from "./reconcile";

/** 128 random bits as hex; getRandomValues also works where randomUUID does not (plain-http LAN hosts). */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** What the study page lends the controller: its scope and leech rule, its queue (read and replaced) and its notice. */
export interface SessionHost {
  scope: StudySessionData["scope"];
  leech?: LeechRule | undefined;
  read: () => StudyQueueState;
  commit: (next: StudyQueueState) => void;
  notify: (message: string) => void;
}

/**
 * Everything the study session does besides showing cards: answers, undo, marks and study-ahead on
 * the pure queue (lib/study), and the outbox engine that tells the server. One per study page; it
 * comes with deferred.ts, after first paint (use-study-queue.ts holds what the first card needs).
 * Every action updates the queue synchronously; the server is only ever heard from afterwards.
 */
export function studyController({ scope, leech: rule, read, commit, notify }: SessionHost) {
  const { userId } = read();
  const storageKey = outboxStorageKey(userId, scope);
  const engine = outboxSync(storageKey);

  /**
   * Marks go through the outbox like answers: kept while offline or across a reload, sent once
   * (after the card's earlier answers) when the server can be reached.
   */
  const queueMarks = (cardId: string, change: MarksChange) => {
    const card = read().cards[cardId];
    if (!card) return;
    engine.enqueueMarks({
      key: newIdempotencyKey(),
      cardId,
      change,
      before: { schedule: card.schedule, version: card.version },
    });
  };

  return {
    subscribe: engine.subscribe,
    getSnapshot: engine.getSnapshot,
    retryNow: engine.retryNow,

    /**
     * Answers still in the outbox (a reload, offline) are re-applied, then sending starts, with
     * this learner's other scopes' leftovers too. Returns the cleanup for React's effect.
     */
    attach(): () => void {
      const off = engine.onEvent((event) => {
        const [next, message] = reconcile(read(), event, Date.now());
        commit(next);
        if (message) notify(message);
      });
      // The card on show has been on screen since hydration at the latest; time it from here.
      const now = Date.now();
      commit({ ...resumeSession(read(), engine.operations, now, rate), shownAt: now });
      engine.start();
      flushOtherOutboxes(userId, storageKey);
      return off;
    },

    /** Rates the card on show, as answered at `answeredAt` (the key press, even if this module came later). */
    rate(rating: ReviewRating, answeredAt: number): void {
      const state = read();
      if (!state.revealed) return; // one answer per card shown
      const result = rateCurrent(state, rating, answeredAt, newIdempotencyKey(), rate);
      if (!result) return;
      // The server tags (and suspends) a leech with this answer; the session follows suit.
      const { cardId, before } = result.answer;
      const lapses = result.state.cards[cardId]?.schedule.lapses ?? 0;
      const leech = rule && becomesLeech(before.schedule.lapses, lapses, rule);
      const suspended = leech && rule?.action === "suspend";
      commit(suspended ? setAside(result.state, cardId, answeredAt) : result.state);
      engine.enqueue(result.answer);
      if (leech)
        notify(
          `That card has been forgotten ${lapses} times: it is now tagged leech${suspended ? " and suspended" : ""}. Rewrite it or find it under Cards.`,
        );
    },

    /** Suspends or buries the card on show: it leaves the session at once, the outbox tells the server. */
    setAside(mark: "suspended" | "buried"): void {
      const cardId = read().current;
      if (cardId === null) return;
      queueMarks(cardId, { [mark]: true });
      commit(setAside(read(), cardId, Date.now()));
      const later = navigator.onLine ? "" : " It is saved when you are back online.";
      notify(
        mark === "suspended"
          ? `Card suspended. Unsuspend it under Cards.${later}`
          : `Card buried until tomorrow.${later}`,
      );
    },

    /** Sets (or, given the card's own colour, clears) the flag of the card on show. */
    flag(colour: number): void {
      const state = read();
      const cardId = state.current;
      const card = cardId === null ? undefined : state.cards[cardId];
      if (!card || cardId === null) return;
      const flag = (card.flag ?? 0) === colour ? 0 : colour;
      queueMarks(cardId, { flag });
      commit(setFlag(read(), cardId, flag));
    },

    undo(): void {
      const last = read().history.at(-1);
      if (!last) return;
      const outcome = engine.takeBack(last);
      commit(undoLast(read(), Date.now(), outcome === "queued"));
    },

    studyAhead(): void {
      commit(studyAhead(read(), Date.now()));
    },

    /** Learning cards whose time has come join the queue (and one is shown if none is). */
    wake(): void {
      commit(promoteDue(read(), Date.now()));
    },
  };
}

export type StudyController = ReturnType<typeof studyController>;

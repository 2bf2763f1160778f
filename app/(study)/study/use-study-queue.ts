import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { becomesLeech } from "@/lib/srs/leech";
import type { ReviewRating } from "@/lib/srs/types";
import type { SettleEvent } from "@/lib/study/outbox";
import { outboxStorageKey } from "@/lib/study/outbox";
import type { StudySessionData } from "@/lib/study/session-data";
import {
  applyServerState,
  forgetAnswers,
  nextUpcomingDue,
  promoteDue,
  rateCurrent,
  resumeSession,
  reveal,
  type StudyQueueState,
  setAside,
  setFlag,
  startSession,
  studyAhead,
  undoLast,
} from "@/lib/study/session-queue";
import { flushOtherOutboxes, IDLE_SNAPSHOT, type OutboxSync, outboxSync } from "./outbox-sync";

/** Sends a change of a card's marks; the error message to show, or null when it was saved. */
async function sendMarks(cardId: string, change: Record<string, boolean | number>): Promise<string | null> {
  try {
    const response = await fetch(`/api/cards/${encodeURIComponent(cardId)}/marks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(change),
    });
    if (response.ok) return null;
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    return body?.error ?? `the server answered ${response.status}.`;
  } catch {
    return "you seem to be offline.";
  }
}

/** 128 random bits as hex; getRandomValues also works where randomUUID does not (plain-http LAN hosts). */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

type Scheduler = typeof import("@/lib/srs/scheduler");
let schedulerModule: Promise<Scheduler> | undefined;
/** ts-fsrs (about 10 kB) arrives after first paint: the front of a card needs none of it. */
const loadScheduler = () => {
  schedulerModule ??= import("@/lib/srs/scheduler");
  return schedulerModule;
};
if (typeof window !== "undefined") loadScheduler().catch(() => {}); // reported by the hook below

const noSubscribe = () => () => {};
const idle = () => IDLE_SNAPSHOT;

/** What a server response means for the local queue, and the notice to show, if any. */
function reconcile(
  state: StudyQueueState,
  event: SettleEvent,
  now: number,
): [StudyQueueState, string | null] {
  switch (event.type) {
    case "saved":
      return [event.latest ? applyServerState(state, event, now, { admit: false }) : state, null];
    case "stale":
      return [
        applyServerState(state, event.current, now, { admit: true, forgetKeys: event.droppedKeys }),
        event.message,
      ];
    case "refused": {
      if (event.op.type === "undo") {
        // 404: the answer is not on the server (already taken back): nothing to do.
        return [state, event.status === 404 ? null : `Could not undo that answer: ${event.message}`];
      }
      // The server still has the card as it was before the answer; later answers will hear a 409.
      const back = { cardId: event.op.cardId, ...event.op.before };
      const next = event.latest
        ? applyServerState(state, back, now, { admit: false, forgetKeys: [event.op.key] })
        : forgetAnswers(state, [event.op.key]);
      return [next, `An answer was not saved: ${event.message}`];
    }
    default:
      return [state, null];
  }
}

/**
 * The study session's state: the pure queue (lib/study/session-queue) plus the outbox engine.
 * Every action updates the queue synchronously; the server is only ever heard from afterwards.
 */
export function useStudyQueue(data: StudySessionData) {
  const storageKey = outboxStorageKey(data.userId, data.scope);
  const engineRef = useRef<OutboxSync | null>(null);
  if (engineRef.current === null && typeof window !== "undefined") engineRef.current = outboxSync(storageKey);
  const engine = engineRef.current;
  const sync = useSyncExternalStore(engine?.subscribe ?? noSubscribe, engine?.getSnapshot ?? idle, idle);

  // The first render matches the server's HTML; the outbox is applied right after hydration.
  const [state, setState] = useState(() => startSession(data, data.serverNow));
  const stateRef = useRef(state);
  const [notice, setNotice] = useState<string | null>(null);
  const [scheduler, setScheduler] = useState<Scheduler | null>(null);
  const waitingToRate = useRef(false);
  useEffect(() => {
    let live = true;
    loadScheduler().then(
      (loaded) => live && setScheduler(loaded),
      () => {
        schedulerModule = undefined; // let a later visit try again
        if (live)
          setNotice("Part of the study page did not load. Check your connection and reload the page.");
      },
    );
    return () => {
      live = false;
    };
  }, []);
  const commit = useCallback((next: StudyQueueState) => {
    stateRef.current = next;
    setState(next);
  }, []);

  // Once the scheduler is here: answers still in the outbox are re-applied, then sending starts.
  useEffect(() => {
    if (!engine || !scheduler) return;
    const off = engine.onEvent((event) => {
      const [next, message] = reconcile(stateRef.current, event, Date.now());
      commit(next);
      if (message) setNotice(message);
    });
    // The card on show has been on screen since hydration at the latest; time it from here.
    const now = Date.now();
    commit({ ...resumeSession(stateRef.current, engine.operations, now, scheduler.rate), shownAt: now });
    engine.start();
    flushOtherOutboxes(data.userId, storageKey);
    return off;
  }, [engine, scheduler, commit, data.userId, storageKey]);

  // Learning cards come back on time: wake up when the next one is due (and when the tab returns).
  const nextDue = nextUpcomingDue(state);
  useEffect(() => {
    if (nextDue === null) return;
    const wake = () => commit(promoteDue(stateRef.current, Date.now()));
    const timer = setTimeout(wake, Math.max(0, nextDue - Date.now()) + 50);
    document.addEventListener("visibilitychange", wake);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", wake);
    };
  }, [nextDue, commit]);

  const actions = {
    reveal: useCallback(() => commit(reveal(stateRef.current)), [commit]),
    rate: useCallback(
      (rating: ReviewRating) => {
        if (!engine || !stateRef.current.revealed || waitingToRate.current) return;
        const now = Date.now();
        const key = newIdempotencyKey();
        const apply = (loaded: Scheduler) => {
          waitingToRate.current = false;
          const result = rateCurrent(stateRef.current, rating, now, key, loaded.rate);
          if (!result) return;
          engine.enqueue(result.answer);
          // The server tags (and suspends) a leech with this answer; the session follows suit.
          const { cardId, before } = result.answer;
          const lapses = result.state.cards[cardId]?.schedule.lapses ?? 0;
          if (data.leech && becomesLeech(before.schedule.lapses, lapses, data.leech)) {
            const suspended = data.leech.action === "suspend";
            commit(suspended ? setAside(result.state, cardId, now) : result.state);
            setNotice(
              `That card has been forgotten ${lapses} times: it is now tagged leech${suspended ? " and suspended" : ""}. Rewrite it or find it under Cards.`,
            );
            return;
          }
          commit(result.state);
        };
        if (scheduler) return apply(scheduler);
        // Rated within the first moments, before ts-fsrs arrived: answered now, applied when it lands.
        waitingToRate.current = true;
        loadScheduler().then(apply, () => {
          waitingToRate.current = false;
        });
      },
      [engine, scheduler, commit, data.leech],
    ),
    /** Suspends or buries the card on show: it leaves the session at once, the server hears after. */
    setAside: useCallback(
      async (mark: "suspended" | "buried") => {
        const cardId = stateRef.current.current;
        if (cardId === null) return;
        commit(setAside(stateRef.current, cardId, Date.now()));
        const failure = await sendMarks(cardId, { [mark]: true });
        setNotice(
          failure
            ? `Could not ${mark === "suspended" ? "suspend" : "bury"} that card: ${failure}`
            : mark === "suspended"
              ? "Card suspended. Unsuspend it under Cards."
              : "Card buried until tomorrow.",
        );
      },
      [commit],
    ),
    /** Sets (or, given the card's own colour, clears) the flag of the card on show. */
    flag: useCallback(
      async (colour: number) => {
        const cardId = stateRef.current.current;
        const card = cardId === null ? undefined : stateRef.current.cards[cardId];
        if (!card || cardId === null) return;
        const previous = card.flag ?? 0;
        const flag = previous === colour ? 0 : colour;
        commit(setFlag(stateRef.current, cardId, flag));
        const failure = await sendMarks(cardId, { flag });
        if (failure) {
          commit(setFlag(stateRef.current, cardId, previous));
          setNotice(`Could not flag that card: ${failure}`);
        }
      },
      [commit],
    ),
    undo: useCallback(() => {
      const last = stateRef.current.history.at(-1);
      if (!engine || !last) return;
      const outcome = engine.takeBack(last);
      commit(undoLast(stateRef.current, Date.now(), outcome === "queued"));
    }, [engine, commit]),
    studyAhead: useCallback(() => commit(studyAhead(stateRef.current, Date.now())), [commit]),
    retryNow: useCallback(() => engine?.retryNow(), [engine]),
    dismissNotice: useCallback(() => setNotice(null), []),
  };

  return { state, sync, notice, actions, scheduler };
}

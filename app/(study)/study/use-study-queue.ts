import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { ReviewRating } from "@/lib/srs/types";
import type { MarksChange } from "@/lib/study/outbox";
import type { StudySessionData } from "@/lib/study/session-data";
import {
  nextUpcomingDue,
  promoteDue,
  reveal,
  type StudyQueueState,
  setAside,
  setFlag,
  startSession,
  studyAhead,
} from "@/lib/study/session-queue";
import type { OutboxSync } from "./outbox-sync";
import { IDLE_SNAPSHOT } from "./sync-snapshot";

/** 128 random bits as hex; getRandomValues also works where randomUUID does not (plain-http LAN hosts). */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

type Deferred = typeof import("./deferred");
let deferredModule: Promise<Deferred> | undefined;
/** ts-fsrs and the outbox engine arrive after first paint: the front of a card needs neither. */
const loadDeferred = () => {
  deferredModule ??= import("./deferred");
  return deferredModule;
};
if (typeof window !== "undefined") loadDeferred().catch(() => {}); // reported by the hook below

const noSubscribe = () => () => {};
const idle = () => IDLE_SNAPSHOT;

/**
 * The study session's state: the pure queue (lib/study/session-queue) plus the outbox engine.
 * Every action updates the queue synchronously; the server is only ever heard from afterwards.
 */
export function useStudyQueue(data: StudySessionData) {
  // One engine per session page, made once its module has arrived.
  const engineRef = useRef<OutboxSync | null>(null);
  const { userId, scope } = data;
  const engineFor = useCallback(
    (loaded: Deferred) => {
      engineRef.current ??= loaded.outboxSync(loaded.outboxStorageKey(userId, scope));
      return engineRef.current;
    },
    [userId, scope],
  );
  const [deferred, setDeferred] = useState<Deferred | null>(null);
  const engine = deferred ? engineFor(deferred) : null;
  const scheduler = deferred?.scheduler ?? null;
  const sync = useSyncExternalStore(engine?.subscribe ?? noSubscribe, engine?.getSnapshot ?? idle, idle);

  // The first render matches the server's HTML; the outbox is applied right after hydration.
  const [state, setState] = useState(() => startSession(data, data.serverNow));
  const stateRef = useRef(state);
  const [notice, setNotice] = useState<string | null>(null);
  const waitingToRate = useRef(false);
  useEffect(() => {
    let live = true;
    loadDeferred().then(
      (loaded) => live && setDeferred(loaded),
      () => {
        deferredModule = undefined; // let a later visit try again
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
    if (!engine || !deferred) return;
    const off = engine.onEvent((event) => {
      const [next, message] = deferred.reconcile(stateRef.current, event, Date.now());
      commit(next);
      if (message) setNotice(message);
    });
    // The card on show has been on screen since hydration at the latest; time it from here.
    const now = Date.now();
    commit({
      ...deferred.answers.resumeSession(stateRef.current, engine.operations, now, deferred.scheduler.rate),
      shownAt: now,
    });
    engine.start();
    deferred.flushOtherOutboxes(userId, deferred.outboxStorageKey(userId, scope));
    return off;
  }, [engine, deferred, commit, userId, scope]);

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

  /**
   * Marks go through the outbox like answers: kept while offline or across a reload, sent once
   * (after the card's earlier answers) when the server can be reached.
   */
  const queueMarks = useCallback(
    (cardId: string, change: MarksChange) => {
      const card = stateRef.current.cards[cardId];
      if (!card) return;
      const marks = {
        key: newIdempotencyKey(),
        cardId,
        change,
        before: { schedule: card.schedule, version: card.version },
      };
      if (deferred) return engineFor(deferred).enqueueMarks(marks);
      loadDeferred().then(
        (loaded) => engineFor(loaded).enqueueMarks(marks),
        () => setNotice("That change could not be kept: reload the page."),
      );
    },
    [deferred, engineFor],
  );

  const actions = {
    reveal: useCallback(() => commit(reveal(stateRef.current)), [commit]),
    rate: useCallback(
      (rating: ReviewRating) => {
        if (typeof window === "undefined" || !stateRef.current.revealed || waitingToRate.current) return;
        const now = Date.now();
        const key = newIdempotencyKey();
        const apply = (loaded: Deferred) => {
          waitingToRate.current = false;
          const result = loaded.answers.rateCurrent(
            stateRef.current,
            rating,
            now,
            key,
            loaded.scheduler.rate,
          );
          if (!result) return;
          // The server tags (and suspends) a leech with this answer; the session follows suit.
          const { cardId, before } = result.answer;
          const lapses = result.state.cards[cardId]?.schedule.lapses ?? 0;
          const leech = data.leech && loaded.becomesLeech(before.schedule.lapses, lapses, data.leech);
          const suspended = leech && data.leech?.action === "suspend";
          commit(suspended ? setAside(result.state, cardId, now) : result.state);
          engineFor(loaded).enqueue(result.answer);
          if (leech)
            setNotice(
              `That card has been forgotten ${lapses} times: it is now tagged leech${suspended ? " and suspended" : ""}. Rewrite it or find it under Cards.`,
            );
        };
        if (deferred) return apply(deferred);
        // Rated within the first moments, before ts-fsrs arrived: answered now, applied when it lands.
        waitingToRate.current = true;
        loadDeferred().then(apply, () => {
          waitingToRate.current = false;
        });
      },
      [deferred, engineFor, commit, data.leech],
    ),
    /** Suspends or buries the card on show: it leaves the session at once, the outbox tells the server. */
    setAside: useCallback(
      (mark: "suspended" | "buried") => {
        const cardId = stateRef.current.current;
        if (cardId === null) return;
        queueMarks(cardId, { [mark]: true });
        commit(setAside(stateRef.current, cardId, Date.now()));
        const later = navigator.onLine ? "" : " It is saved when you are back online.";
        setNotice(
          mark === "suspended"
            ? `Card suspended. Unsuspend it under Cards.${later}`
            : `Card buried until tomorrow.${later}`,
        );
      },
      [commit, queueMarks],
    ),
    /** Sets (or, given the card's own colour, clears) the flag of the card on show. */
    flag: useCallback(
      (colour: number) => {
        const cardId = stateRef.current.current;
        const card = cardId === null ? undefined : stateRef.current.cards[cardId];
        if (!card || cardId === null) return;
        const flag = (card.flag ?? 0) === colour ? 0 : colour;
        queueMarks(cardId, { flag });
        commit(setFlag(stateRef.current, cardId, flag));
      },
      [commit, queueMarks],
    ),
    undo: useCallback(() => {
      const last = stateRef.current.history.at(-1);
      if (!engine || !deferred || !last) return;
      const outcome = engine.takeBack(last);
      commit(deferred.answers.undoLast(stateRef.current, Date.now(), outcome === "queued"));
    }, [engine, deferred, commit]),
    studyAhead: useCallback(() => commit(studyAhead(stateRef.current, Date.now())), [commit]),
    retryNow: useCallback(() => engine?.retryNow(), [engine]),
    dismissNotice: useCallback(() => setNotice(null), []),
  };

  // `later`: the deferred module, once here (the session summary comes with it).
  return { state, sync, notice, actions, scheduler, later: deferred };
}

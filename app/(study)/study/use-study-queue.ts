import { useCallback, useEffect, useRef, useState } from "react";
import type { ReviewRating } from "@/lib/srs/types";
import type { StudyQueueState } from "@/lib/study/session-queue";
import { nextUpcomingDue, reveal } from "@/lib/study/session-view";
import type { SessionHost, StudyController } from "./session-controller";

type Deferred = typeof import("./deferred");
let deferredModule: Promise<Deferred> | undefined;
/** ts-fsrs, the outbox engine and the session's actions arrive after first paint: the front of a card needs none. */
export const loadDeferred = () => {
  deferredModule ??= import("./deferred").catch((error: unknown) => {
    deferredModule = undefined; // let a later call (or visit) try again
    throw error;
  });
  return deferredModule;
};
if (typeof window !== "undefined") loadDeferred().catch(() => {}); // reported by the hook below

/**
 * The study session's state: the pure queue (lib/study/session-queue, started on the server), read
 * and revealed from the first render (session-view), and the session's controller
 * (session-controller.ts: answers, undo, marks, learning cards coming back and the outbox engine),
 * which arrives with the deferred chunk. Keys pressed before it lands are applied when it does.
 */
export function useStudyQueue({
  queue,
  scope,
  leech,
}: { queue: StudyQueueState } & Pick<SessionHost, "scope" | "leech">) {
  // The first render matches the server's HTML; the outbox is applied right after hydration.
  const [state, setState] = useState(queue);
  const stateRef = useRef(state);
  const [notice, setNotice] = useState<string | null>(null);
  const commit = useCallback((next: StudyQueueState) => {
    stateRef.current = next;
    setState(next);
  }, []);

  // One controller per session page, made once its module has arrived.
  const [deferred, setDeferred] = useState<Deferred | null>(null);
  const controllerRef = useRef<StudyController | null>(null);
  const controllerFor = useCallback(
    (loaded: Deferred) => {
      controllerRef.current ??= loaded.studyController({
        scope,
        leech,
        read: () => stateRef.current,
        commit,
        notify: setNotice,
      });
      return controllerRef.current;
    },
    [scope, leech, commit],
  );
  const controller = deferred ? controllerFor(deferred) : null;

  useEffect(() => {
    let live = true;
    loadDeferred().then(
      (loaded) => live && setDeferred(loaded),
      () => {
        if (live)
          setNotice("Part of the study page did not load. Check your connection and reload the page.");
      },
    );
    return () => {
      live = false;
    };
  }, []);
  // Once here: answers still in the outbox are re-applied, then sending starts.
  useEffect(() => controller?.attach(), [controller]);

  /** Acts through the controller now, or once its module has arrived (a key pressed in the first moments). */
  const act = useCallback(
    (action: (controller: StudyController) => void, failed?: () => void) => {
      if (controllerRef.current) return action(controllerRef.current);
      loadDeferred().then((loaded) => action(controllerFor(loaded)), failed ?? (() => {}));
    },
    [controllerFor],
  );

  // Learning cards come back on time: wake up when the next one is due (and when the tab returns).
  const nextDue = nextUpcomingDue(state);
  useEffect(() => {
    if (nextDue === null) return;
    const wake = () => act((controller) => controller.wake());
    const timer = setTimeout(wake, Math.max(0, nextDue - Date.now()) + 50);
    document.addEventListener("visibilitychange", wake);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", wake);
    };
  }, [nextDue, act]);
  const actions = {
    reveal: useCallback(() => commit(reveal(stateRef.current)), [commit]),
    rate: useCallback(
      (rating: ReviewRating) => {
        if (!stateRef.current.revealed) return;
        // Answered now, applied when the controller is here (a second key meanwhile finds no answer shown).
        const answeredAt = Date.now();
        act((controller) => controller.rate(rating, answeredAt));
      },
      [act],
    ),
    setAside: useCallback(
      (mark: "suspended" | "buried") =>
        act(
          (controller) => controller.setAside(mark),
          () => setNotice("That change could not be kept: reload the page."),
        ),
      [act],
    ),
    flag: useCallback(
      (colour: number) =>
        act(
          (controller) => controller.flag(colour),
          () => setNotice("That change could not be kept: reload the page."),
        ),
      [act],
    ),
    undo: useCallback(() => controllerRef.current?.undo(), []),
    studyAhead: useCallback(() => act((controller) => controller.studyAhead()), [act]),
    dismissNotice: useCallback(() => setNotice(null), []),
  };

  // `later`: the deferred module, once here (the rating buttons and the summary come with it);
  // `controller`: the session's, from then on (the sync state reads its outbox).
  return { state, notice, actions, later: deferred, controller };
}

import { describe, expect, it } from "vitest";
import { rate } from "@/lib/srs/scheduler";
import { enqueueAnswer, enqueueMarks, type OutboxOp, takeBack } from "./outbox";
import { applyServerState, rateCurrent, resumeSession, undoLast } from "./session-answers";
import { fromWire, toWire } from "./session-data";
import {
  promoteDue,
  type StudyQueueState,
  setAside,
  setFlag,
  startSession,
  studyAhead,
  summarize,
} from "./session-queue";
import { nextUpcomingDue, phaseOf, remaining, reveal } from "./session-view";
import { DAY, MINUTE, SETTINGS, sessionData, studyCard, T0 } from "./test-fixtures";

const { timeZone: _tz, dayRolloverHour: _hour, ...scheduler } = SETTINGS;

function answer(state: StudyQueueState, rating: 1 | 2 | 3 | 4, now: number, key = `key-${now}-${rating}`) {
  const result = rateCurrent(reveal(state), rating, now, key, rate);
  if (!result) throw new Error("no card on show");
  return result;
}

describe("startSession", () => {
  it("shows the first due card and counts the rest", () => {
    const state = startSession(sessionData([studyCard("a"), studyCard("b"), studyCard("c")]), T0);
    expect(state.current).toBe("a");
    expect(state.due).toEqual(["b", "c"]);
    expect(remaining(state)).toEqual({ learning: 0, review: 0, new: 3 });
    expect(phaseOf(state)).toBe("studying");
  });

  it("keeps upcoming learning cards for later today and drops those due after the study day", () => {
    const soon = studyCard("soon", {
      ...toWire(rate(fromWire(studyCard("x").schedule), 1, new Date(T0), scheduler, "u").next),
    });
    const tomorrow = studyCard("tomorrow", { ...soon.schedule, due: T0 + 2 * DAY });
    const state = startSession(sessionData([], [tomorrow, soon]), T0);
    expect(state.upcoming).toEqual(["soon"]);
    expect(phaseOf(state)).toBe("waiting");
    expect(nextUpcomingDue(state)).toBe(T0 + MINUTE);
  });

  it("says nothing is due when the queue is empty", () => {
    expect(phaseOf(startSession(sessionData([]), T0))).toBe("nothing-due");
  });
});

describe("rating", () => {
  it("schedules the card exactly as the server's rate() and moves to the next card", () => {
    const start = startSession(sessionData([studyCard("a"), studyCard("b")]), T0);
    const { state, answer: given } = answer(start, 3, T0 + 5000, "k1");
    const expected = rate(
      fromWire(studyCard("a").schedule),
      3,
      new Date(T0 + 5000),
      scheduler,
      "user-1:a",
    ).next;
    expect(state.cards.a?.schedule).toEqual(toWire(expected));
    expect(state.cards.a?.version).toBe(1);
    expect(state.current).toBe("b");
    expect(state.revealed).toBe(false);
    expect(given).toMatchObject({
      key: "k1",
      cardId: "a",
      rating: 3,
      answeredAt: T0 + 5000,
      durationMs: 5000,
    });
    expect(given.before).toEqual({ schedule: studyCard("a").schedule, version: 0 });
  });

  it("never dates an answer before the card's last review", () => {
    const reviewed = toWire(
      rate(fromWire(studyCard("a").schedule), 3, new Date(T0), scheduler, "user-1:a").next,
    );
    const start = startSession(
      sessionData([studyCard("a", { ...reviewed, due: T0 - MINUTE }, 1)]),
      T0 - 10_000,
    );
    const { answer: given } = answer(start, 3, T0 - 5000);
    expect(given.answeredAt).toBe(T0);
  });

  it("brings a learning card back when it is due, before new cards", () => {
    let state = startSession(sessionData([studyCard("a"), studyCard("b"), studyCard("c")]), T0);
    state = answer(state, 1, T0).state; // a: Again → learning, due in 1m
    expect(state.current).toBe("b");
    expect(state.upcoming).toEqual(["a"]);
    expect(remaining(state)).toEqual({ learning: 1, review: 0, new: 2 });
    state = promoteDue(state, T0 + 30_000);
    expect(state.due).toEqual(["c"]);
    state = promoteDue(state, T0 + MINUTE);
    expect(state.due).toEqual(["a", "c"]);
    state = answer(state, 3, T0 + MINUTE).state;
    expect(state.current).toBe("a");
  });

  it("waits for a pending learning card, and can study it ahead", () => {
    let state = startSession(sessionData([studyCard("a")]), T0);
    state = answer(state, 1, T0).state;
    expect(phaseOf(state)).toBe("waiting");
    expect(nextUpcomingDue(state)).toBe(T0 + MINUTE);
    expect(promoteDue(state, T0 + 59_000).current).toBeNull();
    expect(promoteDue(state, T0 + MINUTE).current).toBe("a");
    expect(studyAhead(state, T0 + 10_000).current).toBe("a");
  });

  it("lets a card that graduates leave the session, and summarizes", () => {
    let state = startSession(sessionData([studyCard("a"), studyCard("b")]), T0);
    state = answer(state, 4, T0 + 4000).state; // Easy: straight to review, days away
    state = answer(state, 1, T0 + 9000).state;
    state = promoteDue(state, T0 + 2 * MINUTE);
    state = answer(state, 4, T0 + 2 * MINUTE + 90_000).state; // shown at 2m, answered 90s later
    expect(phaseOf(state)).toBe("done");
    expect(remaining(state)).toEqual({ learning: 0, review: 0, new: 0 });
    const summary = summarize(state);
    expect(summary).toMatchObject({ answers: 3, cards: 2, again: 1 });
    expect(summary.timeMs).toBe(4000 + 5000 + 60_000); // 90s counts as a minute
    expect(summary.nextDue).toBe(Math.min(state.cards.a!.schedule.due, state.cards.b!.schedule.due));
  });
});

describe("undo", () => {
  it("restores the exact previous state and position", () => {
    const start = startSession(sessionData([studyCard("a"), studyCard("b"), studyCard("c")]), T0);
    const rated = answer(start, 1, T0 + 3000).state;
    const undone = undoLast(rated, T0 + 4000, false);
    expect(undone.cards).toEqual(start.cards);
    expect(undone.current).toBe("a");
    expect(undone.due).toEqual(["b", "c"]);
    expect(undone.upcoming).toEqual([]);
    expect(undone.history).toEqual([]);
    expect(undone.revealed).toBe(false);
  });

  it("counts the server's two version steps when the answer was sent", () => {
    const rated = answer(startSession(sessionData([studyCard("a"), studyCard("b")]), T0), 3, T0).state;
    const undone = undoLast(rated, T0 + 1000, true);
    expect(undone.cards.a?.schedule).toEqual(studyCard("a").schedule);
    expect(undone.cards.a?.version).toBe(2);
  });

  it("takes answers back last first", () => {
    let state = startSession(sessionData([studyCard("a"), studyCard("b"), studyCard("c")]), T0);
    state = answer(state, 3, T0).state;
    state = answer(state, 3, T0 + 1000).state;
    state = undoLast(state, T0 + 2000, false);
    expect([state.current, ...state.due]).toEqual(["b", "c"]);
    state = undoLast(state, T0 + 3000, false);
    expect([state.current, ...state.due]).toEqual(["a", "b", "c"]);
    expect(undoLast(state, T0, false)).toBe(state);
  });
});

describe("server state", () => {
  it("replaces a stale card and forgets its answers", () => {
    let state = startSession(sessionData([studyCard("a"), studyCard("b")]), T0);
    state = answer(state, 1, T0, "k1").state;
    const elsewhere = rate(fromWire(studyCard("a").schedule), 4, new Date(T0), scheduler, "user-1:a").next;
    state = applyServerState(state, { cardId: "a", schedule: toWire(elsewhere), version: 1 }, T0 + 1000, {
      admit: true,
      forgetKeys: ["k1"],
    });
    expect(state.cards.a?.schedule).toEqual(toWire(elsewhere));
    expect(state.upcoming).toEqual([]);
    expect(state.history).toEqual([]);
    expect(state.current).toBe("b");
  });

  it("never swaps the card on show", () => {
    const state = startSession(sessionData([studyCard("a")]), T0);
    const next = applyServerState(state, { cardId: "a", schedule: studyCard("a").schedule, version: 3 }, T0, {
      admit: true,
    });
    expect(next.current).toBe("a");
    expect(next.cards.a?.version).toBe(3);
  });
});

describe("resuming after a reload", () => {
  const cards = () => [studyCard("a"), studyCard("b"), studyCard("c")];

  function studied(): { state: StudyQueueState; ops: OutboxOp[] } {
    let state = startSession(sessionData(cards()), T0);
    let ops: OutboxOp[] = [];
    for (const [i, rating] of ([1, 4, 3] as const).entries()) {
      const result = answer(state, rating, T0 + i * 1000, `k${i}`);
      state = result.state;
      ops = enqueueAnswer(ops, result.answer);
    }
    return { state, ops };
  }

  it("re-applies unsent answers to the server's cards", () => {
    const { state, ops } = studied();
    const resumed = resumeSession(startSession(sessionData(cards()), T0 + 5000), ops, T0 + 5000, rate);
    expect(resumed.cards).toEqual(state.cards);
    expect(resumed.upcoming).toEqual(state.upcoming);
    expect(resumed.current).toBe(state.current);
    expect(resumed.history.map((entry) => entry.key)).toEqual(["k0", "k1", "k2"]);
  });

  it("keeps a card suspended while offline out of the resumed session, and shows a waiting flag", () => {
    const fresh = () => startSession(sessionData(cards()), T0);
    const start = fresh();
    const suspended = start.current!;
    const other = start.due.find((id) => id !== suspended)!;
    let ops = enqueueMarks([], {
      key: "m1",
      cardId: suspended,
      change: { suspended: true },
      before: { schedule: start.cards[suspended]!.schedule, version: 0 },
    });
    ops = enqueueMarks(ops, {
      key: "m2",
      cardId: other,
      change: { flag: 3 },
      before: { schedule: start.cards[other]!.schedule, version: 0 },
    });
    const resumed = resumeSession(fresh(), ops, T0 + 5000, rate);
    expect(resumed.current).not.toBe(suspended);
    expect(resumed.due).not.toContain(suspended);
    expect(resumed.cards[other]!.flag).toBe(3);
  });

  it("does not rate twice an answer the server already recorded", () => {
    const { state, ops } = studied();
    // The server got the first answer before the reload: card a arrives already rated.
    const a = state.cards.a!;
    const resumed = resumeSession(
      startSession(sessionData([studyCard("b"), studyCard("c")], [a]), T0 + 5000),
      ops,
      T0 + 5000,
      rate,
    );
    expect(resumed.cards.a).toEqual(a);
    expect(resumed.history).toHaveLength(3);
  });

  it("re-applies a pending undo and puts its card first", () => {
    let state = startSession(sessionData(cards()), T0);
    const first = answer(state, 3, T0, "k0");
    state = first.state;
    const ops = takeBack(enqueueAnswer([], first.answer), new Set(["answer:k0"]), first.answer).ops;
    // The server recorded the answer (version 1) but not yet the undo.
    const serverA = state.cards.a!;
    const resumed = resumeSession(
      startSession(sessionData([studyCard("b"), studyCard("c")], [serverA]), T0 + 5000),
      ops,
      T0 + 5000,
      rate,
    );
    expect(resumed.current).toBe("a");
    expect(resumed.cards.a?.schedule).toEqual(studyCard("a").schedule);
    expect(resumed.cards.a?.version).toBe(2);
    expect(resumed.history).toEqual([]);
  });

  it("leaves a card that changed elsewhere to the server's 409", () => {
    const { ops } = studied();
    const moved = studyCard("a", studyCard("a").schedule, 7);
    const resumed = resumeSession(
      startSession(sessionData([moved, studyCard("b"), studyCard("c")]), T0),
      ops,
      T0,
      rate,
    );
    expect(resumed.cards.a).toEqual(moved);
    expect(resumed.history.map((entry) => entry.cardId)).toEqual(["b", "c"]);
  });
});

describe("resuming twice", () => {
  it("changes nothing the second time", () => {
    let state = startSession(sessionData([studyCard("a"), studyCard("b")]), T0);
    const result = answer(state, 3, T0, "k0");
    const ops = enqueueAnswer([], result.answer);
    state = resumeSession(
      startSession(sessionData([studyCard("a"), studyCard("b")]), T0),
      ops,
      T0 + 1000,
      rate,
    );
    expect(resumeSession(state, ops, T0 + 2000, rate)).toEqual({ ...state, shownAt: T0 + 2000 });
  });
});

describe("setAside", () => {
  it("takes the card on show off the screen and shows the next one", () => {
    const state = reveal(startSession(sessionData([studyCard("a"), studyCard("b"), studyCard("c")]), T0));
    const next = setAside(state, "a", T0 + MINUTE);
    expect(next.current).toBe("b");
    expect(next.revealed).toBe(false);
    expect(next.due).toEqual(["c"]);
    expect(remaining(next)).toEqual({ learning: 0, review: 0, new: 2 });
  });

  it("drops a queued or upcoming card and leaves the one on show", () => {
    const first = answer(startSession(sessionData([studyCard("a"), studyCard("b")]), T0), 1, T0).state;
    expect(first.upcoming).toEqual(["a"]);
    const next = setAside(first, "a", T0 + 1000);
    expect(next.upcoming).toEqual([]);
    expect(next.current).toBe("b");
    expect(next.history).toHaveLength(1);
  });

  it("leaves nothing to study when the only card is set aside", () => {
    const next = setAside(startSession(sessionData([studyCard("a")]), T0), "a", T0);
    expect(next.current).toBeNull();
    expect(phaseOf(next)).toBe("nothing-due");
  });
});

describe("setFlag", () => {
  it("changes only that card's flag", () => {
    const state = startSession(sessionData([studyCard("a"), studyCard("b")]), T0);
    const next = setFlag(state, "b", 3);
    expect(next.cards.b?.flag).toBe(3);
    expect(next.cards.a?.flag).toBeUndefined();
    expect(setFlag(state, "nope", 1)).toBe(state);
  });
});

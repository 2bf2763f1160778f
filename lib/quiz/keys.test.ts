import { describe, expect, it } from "vitest";
import { choiceIndexForKey, choiceLetter, type KeyContext, quizKeyAction } from "./keys";

const answering: KeyContext = { phase: "answering", choiceCount: 4, target: "other" };

describe("choiceIndexForKey", () => {
  it("maps digits and letters, either case, to the same choice", () => {
    expect(choiceIndexForKey("1", 4)).toBe(0);
    expect(choiceIndexForKey("a", 4)).toBe(0);
    expect(choiceIndexForKey("D", 4)).toBe(3);
    expect(choiceIndexForKey("4", 4)).toBe(3);
  });

  it("ignores keys beyond the question's choices and keys that are not choices", () => {
    expect(choiceIndexForKey("3", 2)).toBeNull();
    expect(choiceIndexForKey("c", 2)).toBeNull();
    expect(choiceIndexForKey("0", 4)).toBeNull();
    expect(choiceIndexForKey("j", 10)).toBeNull();
    expect(choiceIndexForKey("Enter", 4)).toBeNull();
    expect(choiceIndexForKey(" ", 4)).toBeNull();
  });

  it("keys at most nine choices", () => {
    expect(choiceIndexForKey("9", 12)).toBe(8);
    expect(choiceIndexForKey("i", 12)).toBe(8);
  });
});

describe("choiceLetter", () => {
  it("labels choices A to I and nothing after", () => {
    expect([0, 1, 2, 3].map(choiceLetter)).toEqual(["A", "B", "C", "D"]);
    expect(choiceLetter(9)).toBe("");
    expect(choiceLetter(-1)).toBe("");
  });
});

describe("quizKeyAction", () => {
  it("picks a choice while answering", () => {
    expect(quizKeyAction({ key: "2" }, answering)).toEqual({ type: "choose", index: 1 });
    expect(quizKeyAction({ key: "b" }, { ...answering, target: "control" })).toEqual({
      type: "choose",
      index: 1,
    });
  });

  it("checks on Enter, then goes on with Enter again", () => {
    expect(quizKeyAction({ key: "Enter" }, answering)).toEqual({ type: "check" });
    expect(quizKeyAction({ key: "Enter" }, { ...answering, phase: "answered" })).toEqual({ type: "next" });
  });

  it("does nothing while an answer is being checked", () => {
    const checking = { ...answering, phase: "checking" } as const;
    expect(quizKeyAction({ key: "Enter" }, checking)).toBeNull();
    expect(quizKeyAction({ key: "1" }, checking)).toBeNull();
  });

  it("cannot change an answer once it is checked", () => {
    expect(quizKeyAction({ key: "1" }, { ...answering, phase: "answered" })).toBeNull();
  });

  it("leaves Enter on links and buttons, and held Enter, to the browser", () => {
    expect(quizKeyAction({ key: "Enter" }, { ...answering, target: "control" })).toBeNull();
    expect(
      quizKeyAction({ key: "Enter" }, { ...answering, phase: "answered", target: "control" }),
    ).toBeNull();
    expect(quizKeyAction({ key: "Enter", repeat: true }, { ...answering, phase: "answered" })).toBeNull();
  });

  it("lets a select keep its letters but checks a matching answer on Enter", () => {
    const select = { phase: "answering", choiceCount: 0, target: "select" } as const;
    expect(quizKeyAction({ key: "a" }, select)).toBeNull();
    expect(quizKeyAction({ key: "1" }, { ...select, choiceCount: 4 })).toBeNull();
    expect(quizKeyAction({ key: "Enter" }, select)).toEqual({ type: "check" });
  });

  it("never takes keys from text boxes or with modifier keys", () => {
    expect(quizKeyAction({ key: "1" }, { ...answering, target: "typing" })).toBeNull();
    expect(quizKeyAction({ key: "Enter" }, { ...answering, target: "typing" })).toBeNull();
    expect(quizKeyAction({ key: "1", ctrlKey: true }, answering)).toBeNull();
    expect(quizKeyAction({ key: "a", metaKey: true }, answering)).toBeNull();
    expect(quizKeyAction({ key: "Enter", altKey: true }, answering)).toBeNull();
  });
});

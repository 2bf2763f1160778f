import { describe, expect, it } from "vitest";
import { assignmentChangeBody, reminderBody } from "./remind";

const due = new Date(Date.UTC(2026, 11, 20));

describe("assignmentChangeBody", () => {
  it("says nothing when neither the due date nor the goal changed", () => {
    const terms = { dueAt: due, goal: "all-introduced", targetRecall: null };
    expect(assignmentChangeBody("Bones", terms, { ...terms })).toBeNull();
  });
  it("names the new due date, in UTC", () => {
    const before = { dueAt: null, goal: "all-introduced", targetRecall: null };
    expect(assignmentChangeBody("Bones", before, { ...before, dueAt: due })).toBe(
      "Bones is now due 20 Dec 2026.",
    );
  });
  it("names both changes in one sentence", () => {
    const before = { dueAt: due, goal: "all-introduced", targetRecall: null };
    expect(assignmentChangeBody("Bones", before, { dueAt: null, goal: "recall", targetRecall: 0.85 })).toBe(
      "Bones no longer has a due date and has a new goal: reach 85% predicted recall.",
    );
  });
});

describe("reminderBody", () => {
  it("quotes the trainer's note when there is one", () => {
    expect(reminderBody("Coach Kim", null)).toBe(
      "Coach Kim reminds you to keep up with the decks they assigned.",
    );
    expect(reminderBody("Coach Kim", "Class on Tuesday!")).toContain("“Class on Tuesday!”");
  });
});

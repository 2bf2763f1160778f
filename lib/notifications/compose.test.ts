import { describe, expect, it } from "vitest";
import { composeDigest, composeWeeklySummary } from "./compose";

describe("composeDigest", () => {
  const unsubscribe = "https://retain.example/api/unsubscribe/token";

  it("counts due cards and near deadlines, dated in the learner's zone", () => {
    const digest = composeDigest(
      {
        name: "Alex",
        timeZone: "Pacific/Auckland",
        dueCards: 1,
        // 20:00 UTC on the 9th is the 10th in Auckland.
        deadlines: [{ deckTitle: "Bone health", dueAt: new Date("2026-12-09T20:00:00Z") }],
      },
      "https://retain.example",
      unsubscribe,
    );
    expect(digest.subject).toBe("Retain: 1 card due, 1 deadline within 3 days");
    expect(digest.text).toContain("- Bone health: due Thu 10 Dec");
    expect(digest.text).toContain(`<${unsubscribe}>`);
    expect(digest.html).toContain(`href="${unsubscribe}"`);
  });

  it("escapes names and titles in HTML", () => {
    const digest = composeDigest(
      { name: "<script>x</script>", timeZone: "UTC", dueCards: 2, deadlines: [] },
      "https://retain.example",
      unsubscribe,
    );
    expect(digest.html).not.toContain("<script>");
    expect(digest.html).toContain("&lt;script&gt;");
  });
});

describe("composeWeeklySummary", () => {
  it("lists every group with its count, 'nobody' for an empty one", () => {
    const summary = composeWeeklySummary(
      {
        trainerName: "Coach",
        week: "2026-12-07",
        onTrack: ["Ann", "Bo"],
        slipped: [],
        finished: ["Cy"],
        left: [],
      },
      "https://retain.example",
      "https://retain.example/api/unsubscribe/t",
    );
    expect(summary.subject).toBe("Retain weekly summary: 2 on track, 0 slipped, 1 finished, 0 left");
    expect(summary.text).toContain("On track (2):\n- Ann\n- Bo");
    expect(summary.text).toContain("Slipped (at risk or overdue) (0):\n- nobody");
  });
});

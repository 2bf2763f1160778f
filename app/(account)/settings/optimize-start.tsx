"use client";

import { useState } from "react";
import { OptimizationRunner } from "@/app/ui/optimization-runner";

/** The start button, with the choice of counting quiz answers as reviews. */
export function OptimizeStart({
  activeJob,
  includeQuizByDefault,
  unavailable,
}: {
  activeJob: { id: string; progress: number } | null;
  includeQuizByDefault: boolean;
  /** Why it cannot run yet, said beside the button. */
  unavailable: string | null;
}) {
  const [includeQuiz, setIncludeQuiz] = useState(includeQuizByDefault);
  return (
    <div className="stack">
      <label className="choice">
        <input
          type="checkbox"
          checked={includeQuiz}
          onChange={(event) => setIncludeQuiz(event.target.checked)}
        />
        <span>
          <strong>Count my quiz answers as reviews</strong>
          <br />
          <span className="muted small">
            A quiz answer is a real test of memory: wrong counts as Again, right as Good, as in your schedule.
          </span>
        </span>
      </label>
      <OptimizationRunner
        request={{ scope: "personal", includeQuiz }}
        label="Optimize my schedule"
        activeJob={activeJob}
        doneMessage="Optimization finished."
        unavailable={unavailable}
      />
    </div>
  );
}

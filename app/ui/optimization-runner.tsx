"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { OptimizationRequest } from "@/lib/validations/parameters";
import styles from "./optimization-runner.module.css";

type Run =
  | { phase: "idle" }
  | { phase: "running"; jobId: string; progress: number }
  | { phase: "done" }
  | { phase: "failed"; message: string };

const POLL_MS = 400;

interface OptimizationRunnerProps {
  request: OptimizationRequest;
  label: string;
  /** A job already under way when the page loaded, to resume its progress bar. */
  activeJob?: { id: string; progress: number } | null;
  /** Said when the run finishes, before the page shows the result. */
  doneMessage: string;
  /** Why it cannot run yet (e.g. too few reviews): the button says so beforehand and does nothing. */
  unavailable?: string | null;
}

async function readError(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  return body.error ?? "Something went wrong on our side. Please try again.";
}

/**
 * Starts an optimization (POST /api/parameters/jobs), polls its job until it ends, and shows its
 * progress. The server keeps the job, so a reload picks the bar up again. The button stays
 * focusable while it runs (aria-disabled), and the outcome is announced.
 */
export function OptimizationRunner({
  request,
  label,
  activeJob = null,
  doneMessage,
  unavailable = null,
}: OptimizationRunnerProps) {
  const router = useRouter();
  const [run, setRun] = useState<Run>(
    activeJob ? { phase: "running", jobId: activeJob.id, progress: activeJob.progress } : { phase: "idle" },
  );
  const labelId = useId();
  const reasonId = useId();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const poll = useCallback(
    async (jobId: string) => {
      try {
        const response = await fetch(`/api/parameters/jobs/${encodeURIComponent(jobId)}`, {
          cache: "no-store",
        });
        if (!response.ok) {
          setRun({ phase: "failed", message: await readError(response) });
          return;
        }
        const job = (await response.json()) as { status: string; progress: number; error: string | null };
        if (job.status === "done") {
          setRun({ phase: "done" });
          router.refresh();
        } else if (job.status === "failed") {
          setRun({ phase: "failed", message: job.error ?? "The optimization did not finish." });
          router.refresh();
        } else {
          setRun({ phase: "running", jobId, progress: job.progress });
          timer.current = setTimeout(() => void poll(jobId), POLL_MS);
        }
      } catch {
        // A dropped connection: try again shortly; the job goes on on the server.
        timer.current = setTimeout(() => void poll(jobId), POLL_MS * 3);
      }
    },
    [router],
  );

  const runningJobId = run.phase === "running" ? run.jobId : null;
  useEffect(() => {
    if (!runningJobId) return;
    timer.current = setTimeout(() => void poll(runningJobId), POLL_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [runningJobId, poll]);

  async function start() {
    if (run.phase === "running" || blocked) return;
    setRun({ phase: "running", jobId: "", progress: 0 });
    try {
      const response = await fetch("/api/parameters/jobs", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(request),
      });
      if (response.status !== 202) {
        setRun({ phase: "failed", message: await readError(response) });
        return;
      }
      const { jobId } = (await response.json()) as { jobId: string };
      setRun({ phase: "running", jobId, progress: 0 });
    } catch {
      setRun({
        phase: "failed",
        message: "Retain could not be reached. Check your connection and try again.",
      });
    }
  }

  const running = run.phase === "running";
  // A job already under way (resumed on load) shows its progress even if the count has changed.
  const blocked = Boolean(unavailable) && !running && run.phase !== "done";
  const percent = run.phase === "done" ? 100 : running ? Math.round(run.progress * 100) : 0;
  return (
    <div className={styles.runner}>
      <div className="row">
        <button
          type="button"
          className="button"
          // aria-disabled, not disabled: the button stays focusable, so its reason is heard with it.
          aria-disabled={running || blocked || undefined}
          aria-describedby={blocked ? reasonId : running || run.phase === "done" ? labelId : undefined}
          onClick={() => void start()}
        >
          {running ? "Optimizing…" : label}
        </button>
      </div>
      {blocked && (
        <p id={reasonId} className="small muted">
          {unavailable}
        </p>
      )}
      {(running || run.phase === "done") && (
        <div className={styles.progress}>
          <p id={labelId} className="small">
            {running ? `Fitting your parameters: ${percent}%` : "Finished: 100%"}
          </p>
          <div
            role="progressbar"
            aria-labelledby={labelId}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className={styles.track}
          >
            <div className={styles.fill} style={{ width: `${percent}%` }} />
          </div>
        </div>
      )}
      <div aria-live="polite">
        {run.phase === "done" && <p className="alert success">{doneMessage}</p>}
        {run.phase === "failed" && <p className="alert error">{run.message}</p>}
      </div>
    </div>
  );
}

import type { AnswerFeedback } from "@/lib/data/quiz";
import type { QuizResponse } from "@/lib/quiz/types";

export type AnswerProblem = "rejected" | "conflict" | "signed-out" | "not-found" | "server" | "network";

export type AnswerResult =
  | { ok: true; feedback: AnswerFeedback }
  | { ok: false; problem: AnswerProblem; message: string };

const PROBLEMS: Record<number, AnswerProblem> = {
  400: "rejected",
  401: "signed-out",
  404: "not-found",
  409: "conflict",
};

/**
 * Sends one answer. Never throws: every failure comes back with a message to show. The server
 * accepts the same answer twice, so a retry after a lost response is safe.
 */
export async function postAnswer(
  attemptId: string,
  body: { itemId: string; response: QuizResponse; durationMs: number },
): Promise<AnswerResult> {
  let response: Response;
  let data: unknown;
  try {
    response = await fetch(`/api/quiz/${encodeURIComponent(attemptId)}/answers`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    data = await response.json();
  } catch {
    return {
      ok: false,
      problem: "network",
      message: "Your answer could not be sent. Check your connection and try again; your choice is kept.",
    };
  }
  if (response.ok) return { ok: true, feedback: data as AnswerFeedback };
  const error = (data as { error?: unknown } | null)?.error;
  return {
    ok: false,
    problem: PROBLEMS[response.status] ?? "server",
    message: typeof error === "string" ? error : "Something went wrong on our side. Please try again.",
  };
}

import type { NextRequest } from "next/server";
import { errorResponse, parseJsonBody } from "@/lib/api/respond";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { requireApiUser } from "@/lib/auth/api-session";
import { answerQuestion } from "@/lib/data/quiz";
import { quizAnswerSchema } from "@/lib/validations/quiz";

/** Answers one question of the learner's own attempt; returns the feedback to show. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ attemptId: string }> }) {
  try {
    assertSameOrigin(request);
    const user = await requireApiUser(request);
    const { attemptId } = await params;
    const input = await parseJsonBody(request, quizAnswerSchema);
    return Response.json(await answerQuestion(user.id, attemptId, input, new Date()));
  } catch (error) {
    return errorResponse(error);
  }
}

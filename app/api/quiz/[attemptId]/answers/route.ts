import { errorResponse, parseJsonBody } from "@/lib/api/respond";
import { requireUser } from "@/lib/auth/session";
import { answerQuestion } from "@/lib/data/quiz";
import { quizAnswerSchema } from "@/lib/validations/quiz";

/** Answers one question of the learner's own attempt; returns the feedback to show. */
export async function POST(request: Request, { params }: { params: Promise<{ attemptId: string }> }) {
  try {
    const user = await requireUser();
    const { attemptId } = await params;
    const input = await parseJsonBody(request, quizAnswerSchema);
    return Response.json(await answerQuestion(user.id, attemptId, input, new Date()));
  } catch (error) {
    return errorResponse(error);
  }
}

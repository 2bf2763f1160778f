import { errorResponse, parseJsonBody } from "@/lib/api/respond";
import { requireUser } from "@/lib/auth/session";
import { undoReview } from "@/lib/data/reviews";
import { toWire } from "@/lib/study/session-data";
import { undoSchema } from "@/lib/validations/review";

/** Takes back the learner's latest answer of a card. */
export async function POST(request: Request) {
  try {
    const user = await requireUser();
    const { idempotencyKey } = await parseJsonBody(request, undoSchema);
    const result = undoReview(user.id, idempotencyKey, new Date());
    return Response.json({ ...result, schedule: toWire(result.schedule) });
  } catch (error) {
    return errorResponse(error);
  }
}

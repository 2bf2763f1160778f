import type { NextRequest } from "next/server";
import { errorResponse, parseJsonBody } from "@/lib/api/respond";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { requireApiUser } from "@/lib/auth/api-session";
import { undoReview } from "@/lib/data/reviews";
import { toWire } from "@/lib/study/session-data";
import { undoSchema } from "@/lib/validations/review";

/** Takes back the learner's latest answer of a card. */
export async function POST(request: NextRequest) {
  try {
    assertSameOrigin(request);
    const user = await requireApiUser(request);
    const { idempotencyKey } = await parseJsonBody(request, undoSchema);
    const result = await undoReview(user.id, idempotencyKey, new Date());
    return Response.json({ ...result, schedule: toWire(result.schedule) });
  } catch (error) {
    return errorResponse(error);
  }
}

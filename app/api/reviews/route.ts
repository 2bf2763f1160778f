import type { NextRequest } from "next/server";
import { errorResponse, parseJsonBody } from "@/lib/api/respond";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { requireApiUser } from "@/lib/auth/api-session";
import { recordReview } from "@/lib/data/reviews";
import { toWire } from "@/lib/study/session-data";
import { reviewSubmissionSchema } from "@/lib/validations/review";

/** Records one answer from a study session (idempotent by key; 409 when the card changed). */
export async function POST(request: NextRequest) {
  try {
    assertSameOrigin(request);
    const user = await requireApiUser(request);
    const input = await parseJsonBody(request, reviewSubmissionSchema);
    const result = await recordReview(user.id, input, new Date());
    return Response.json({ ...result, schedule: toWire(result.schedule) });
  } catch (error) {
    return errorResponse(error);
  }
}

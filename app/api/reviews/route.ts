import { errorResponse, parseJsonBody } from "@/lib/api/respond";
import { requireUser } from "@/lib/auth/session";
import { recordReview } from "@/lib/data/reviews";
import { toWire } from "@/lib/study/session-data";
import { reviewSubmissionSchema } from "@/lib/validations/review";

/** Records one answer from a study session (idempotent by key; 409 when the card changed). */
export async function POST(request: Request) {
  try {
    const user = await requireUser();
    const input = await parseJsonBody(request, reviewSubmissionSchema);
    const result = recordReview(user.id, input, new Date());
    return Response.json({ ...result, schedule: toWire(result.schedule) });
  } catch (error) {
    return errorResponse(error);
  }
}

import type { NextRequest } from "next/server";
import { errorResponse, parseJsonBody } from "@/lib/api/respond";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { assertSessionCurrent, readApiToken } from "@/lib/auth/api-session";
import { recordReview } from "@/lib/data/reviews";
import { toWire } from "@/lib/study/session-data";
import { reviewSubmissionSchema } from "@/lib/validations/review";

/** Records one answer from a study session (idempotent by key; 409 when the card changed). */
export async function POST(request: NextRequest) {
  try {
    assertSameOrigin(request);
    const token = await readApiToken(request);
    // An ended session is a 401 even with a bad body; a good body has it checked in the review's read.
    const input = await parseJsonBody(request, reviewSubmissionSchema).catch(async (error: unknown) => {
      await assertSessionCurrent(token);
      throw error;
    });
    const result = await recordReview(token.id, input, new Date(), {
      session: { version: token.sessionVersion },
    });
    return Response.json({ ...result, schedule: toWire(result.schedule) });
  } catch (error) {
    return errorResponse(error);
  }
}

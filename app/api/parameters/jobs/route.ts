import type { NextRequest } from "next/server";
import { errorResponse, parseJsonBody } from "@/lib/api/respond";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { requireApiUser } from "@/lib/auth/api-session";
import { startPersonalOptimization } from "@/lib/data/parameters";
import { requireTrainer } from "@/lib/data/trainer/access";
import { startCohortOptimization } from "@/lib/data/trainer/cohort-parameters";
import { optimizationRequestSchema } from "@/lib/validations/parameters";

/**
 * Starts fitting FSRS parameters off the request path and answers at once (202) with the job's
 * id; GET /api/parameters/jobs/<id> reports its progress. Too little history is a 422 that says why.
 */
export async function POST(request: NextRequest) {
  try {
    assertSameOrigin(request);
    const user = await requireApiUser(request);
    const input = await parseJsonBody(request, optimizationRequestSchema);
    const now = new Date();
    const { jobId } =
      input.scope === "personal"
        ? await startPersonalOptimization(user.id, { includeQuiz: input.includeQuiz }, now)
        : await startCohortOptimization(await requireTrainer(user), input.deckSlug, now);
    return Response.json({ jobId }, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}

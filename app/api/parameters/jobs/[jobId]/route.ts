import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/api-session";
import { getOptimizationJob } from "@/lib/data/parameters";
import { ValidationError } from "@/lib/errors";
import { rowIdSchema } from "@/lib/validations/parameters";

/** An optimization's status and progress, for its owner only (anyone else gets a 404). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ jobId: string }> }) {
  try {
    const user = await requireApiUser(request);
    const jobId = rowIdSchema.safeParse((await params).jobId);
    if (!jobId.success) throw new ValidationError("This optimization id is not valid.");
    const job = await getOptimizationJob(user.id, jobId.data, new Date());
    return Response.json(job, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

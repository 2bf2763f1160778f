import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/api-session";
import { reviewLogExport } from "@/lib/data/exports";

/** The signed-in learner's review log as CSV for FSRS tools (card_id, review_time, review_rating, …). */
export async function GET(request: NextRequest) {
  try {
    const user = await requireApiUser(request);
    const csv = await reviewLogExport(user.id);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="retain-review-log-${new Date().toISOString().slice(0, 10)}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

import type { NextRequest } from "next/server";
import { errorResponse, parseJsonBody } from "@/lib/api/respond";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { requireApiUser } from "@/lib/auth/api-session";
import { markCard } from "@/lib/data/card-marks";
import { ValidationError } from "@/lib/errors";
import { cardIdSchema, cardMarkChangeSchema } from "@/lib/validations/card-marks";

/** Suspends, buries or flags one of the learner's cards (the study screen's keys and buttons). */
export async function POST(request: NextRequest, { params }: { params: Promise<{ cardId: string }> }) {
  try {
    assertSameOrigin(request);
    const user = await requireApiUser(request);
    const cardId = cardIdSchema.safeParse((await params).cardId);
    if (!cardId.success) throw new ValidationError(cardId.error.issues[0]?.message ?? "Bad card id.");
    const change = await parseJsonBody(request, cardMarkChangeSchema);
    return Response.json(await markCard(user.id, cardId.data, change, new Date()));
  } catch (error) {
    return errorResponse(error);
  }
}

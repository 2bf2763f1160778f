import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/api-session";
import { PROGRESS_TOKEN, readProgress } from "@/lib/data/intake-progress";
import { NotFoundError, ValidationError } from "@/lib/errors";

/** How far the caller's upload has got (`?token=` sent with it); 404 when unknown or finished. */
export async function GET(request: NextRequest) {
  try {
    const user = await requireApiUser(request);
    const token = request.nextUrl.searchParams.get("token") ?? "";
    if (!PROGRESS_TOKEN.test(token)) throw new ValidationError("The progress token is not valid.");
    const progress = await readProgress(user.id, token, Date.now());
    if (!progress) throw new NotFoundError("No upload with this token is being read.");
    return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

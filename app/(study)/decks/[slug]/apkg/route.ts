import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/api-session";
import { exportDeckPackage } from "@/lib/data/apkg/export";
import { NotFoundError } from "@/lib/errors";
import { deckSlugSchema } from "@/lib/validations/personal-deck";

type Context = { params: Promise<{ slug: string }> };

/**
 * A deck as an Anki package (.apkg, legacy collection format) with the signed-in learner's own
 * schedules and review history; a deck they may not see is the same 404 as an unknown one.
 */
export async function GET(request: NextRequest, { params }: Context) {
  try {
    const user = await requireApiUser(request);
    const slug = deckSlugSchema.safeParse((await params).slug);
    if (!slug.success) throw new NotFoundError("This deck does not exist.");
    const deck = await exportDeckPackage(user.id, slug.data, new Date());
    if (!deck) throw new NotFoundError("This deck does not exist.");
    return new Response(deck.bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        "Content-Type": "application/octet-stream",
        "Content-Disposition": `attachment; filename="retain-${deck.slug}.apkg"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

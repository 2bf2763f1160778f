import type { NextRequest } from "next/server";
import { EVIDENCE_LABELS } from "@/app/ui/evidence-labels";
import { errorResponse } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/api-session";
import { ankiDeckExport } from "@/lib/data/exports";
import { NotFoundError } from "@/lib/errors";
import { deckSlugSchema } from "@/lib/validations/personal-deck";

type Context = { params: Promise<{ slug: string }> };

/**
 * A deck as a text file Anki imports: any content deck for a signed-in user, a personal deck for
 * its owner only (anyone else gets the same 404 as for an unknown deck).
 */
export async function GET(request: NextRequest, { params }: Context) {
  try {
    const user = await requireApiUser(request);
    const slug = deckSlugSchema.safeParse((await params).slug);
    if (!slug.success) throw new NotFoundError("This deck does not exist.");
    const deck = await ankiDeckExport(user.id, slug.data, (level) => {
      const { label, explanation } = EVIDENCE_LABELS[level];
      return `${label}: ${explanation}`;
    });
    if (!deck) throw new NotFoundError("This deck does not exist.");
    return new Response(deck.text, {
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Disposition": `attachment; filename="retain-${deck.slug}-anki.txt"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

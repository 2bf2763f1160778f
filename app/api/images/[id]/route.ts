import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/api-session";
import { getVisibleCardImage } from "@/lib/data/card-images";
import { NotFoundError } from "@/lib/errors";

type Context = { params: Promise<{ id: string }> };

const IMAGE_ID = /^i-[0-9a-f]{16}$/;

/**
 * A card's picture, to its owner and to learners who may study a deck showing it; anyone else gets
 * the same 404 as for an unknown id. The type is the one sniffed at upload (PNG, JPEG, WebP or GIF,
 * never SVG or HTML), with nosniff and a sandboxing CSP in case the file is opened on its own.
 */
export async function GET(request: NextRequest, { params }: Context) {
  try {
    const user = await requireApiUser(request);
    const { id } = await params;
    if (!IMAGE_ID.test(id)) throw new NotFoundError("This picture does not exist.");
    const image = await getVisibleCardImage(user.id, id);
    if (!image) throw new NotFoundError("This picture does not exist.");
    return new Response(image.bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        "Content-Type": image.mediaType,
        "Content-Length": String(image.bytes.byteLength),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Content-Disposition": "inline",
        // A picture's bytes never change (a new picture is a new id); access may, so only the browser keeps it.
        "Cache-Control": "private, max-age=3600",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

import type { NextRequest } from "next/server";
import { readUploadForm } from "@/lib/api/document-upload";
import { errorResponse } from "@/lib/api/respond";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { requireApiUser } from "@/lib/auth/api-session";
import { bringDocument } from "@/lib/data/document-intake";
import { PROGRESS_TOKEN, progressReporter } from "@/lib/data/intake-progress";

/**
 * Takes in a document (file or pasted text) and its proposals as a draft; 201 with its id. With
 * `?progress=<token>`, GET /api/documents/progress reports how far the reading has got.
 */
export async function POST(request: NextRequest) {
  // A multipart form is a "simple" request: another site's page could send one with the cookie.
  try {
    assertSameOrigin(request);
    const user = await requireApiUser(request);
    const token = request.nextUrl.searchParams.get("progress");
    const progress = token && PROGRESS_TOKEN.test(token) ? progressReporter(user.id, token) : null;
    try {
      const input = await readUploadForm(request);
      progress?.report({ stage: "uploaded", fraction: null }, Date.now());
      const stored = await bringDocument(user.id, input, new Date(), (stage, fraction) =>
        progress?.report({ stage, fraction }, Date.now()),
      );
      return Response.json(
        { ...stored, href: `/author/${stored.id}` },
        { status: stored.existing ? 200 : 201 },
      );
    } finally {
      await progress?.end();
    }
  } catch (error) {
    return errorResponse(error);
  }
}

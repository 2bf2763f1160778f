import type { NextRequest } from "next/server";
import { readUploadForm } from "@/lib/api/document-upload";
import { errorResponse } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/api-session";
import { bringDocument } from "@/lib/data/document-intake";

/** Takes in a document (file or pasted text) and its proposals as a draft; 201 with its id. */
export async function POST(request: NextRequest) {
  try {
    const user = await requireApiUser(request);
    const input = await readUploadForm(request);
    const stored = await bringDocument(user.id, input, new Date());
    return Response.json(
      { ...stored, href: `/author/${stored.id}` },
      { status: stored.existing ? 200 : 201 },
    );
  } catch (error) {
    return errorResponse(error);
  }
}

import type { NextRequest } from "next/server";
import { readPackageForm } from "@/lib/api/package-upload";
import { errorResponse } from "@/lib/api/respond";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { requireApiUser } from "@/lib/auth/api-session";
import { importPackage } from "@/lib/data/apkg/import";

/** Imports an Anki package (.apkg) as a new personal deck with its review history; 201 with the deck. */
export async function POST(request: NextRequest) {
  // A multipart form is a "simple" request: another site's page could send one with the cookie.
  try {
    assertSameOrigin(request);
    const user = await requireApiUser(request);
    const { file, title } = await readPackageForm(request);
    const result = await importPackage(
      user.id,
      { name: file.name, size: file.size, bytes: async () => new Uint8Array(await file.arrayBuffer()) },
      title,
      new Date(),
    );
    return Response.json({ ...result, href: `/decks/${result.slug}` }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

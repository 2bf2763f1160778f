import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/api-session";
import { exportAccountData } from "@/lib/data/account";

/** Downloads everything Retain stores about the signed-in user, as JSON. */
export async function GET(request: NextRequest) {
  try {
    const user = await requireApiUser(request);
    const now = new Date();
    const data = await exportAccountData(user.id, now);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="retain-account-${now.toISOString().slice(0, 10)}.json"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

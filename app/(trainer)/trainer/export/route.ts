import { errorResponse } from "@/lib/api/respond";
import { requireUser } from "@/lib/auth/session";
import { requireTrainer } from "@/lib/data/trainer/access";
import { clientsCsv } from "@/lib/data/trainer/dashboard";
import { csvFile } from "@/lib/trainer/csv";

/** The whole clients table as CSV: 401 when signed out, 403 for a learner (JSON, via errorResponse). */
export async function GET(): Promise<Response> {
  try {
    const trainerId = await requireTrainer(await requireUser());
    const now = new Date();
    const csv = await clientsCsv(trainerId, now);
    return new Response(csvFile(csv), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="retain-clients-${now.toISOString().slice(0, 10)}.csv"`,
        // Clients' progress is personal data: never kept by a browser or proxy cache.
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

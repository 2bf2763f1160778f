import { z } from "zod";
import { errorResponse } from "@/lib/api/respond";
import { requireUser } from "@/lib/auth/session";
import { requireTrainer } from "@/lib/data/trainer/access";
import { clientsCsv, clientsHistoryCsv } from "@/lib/data/trainer/dashboard";
import { ValidationError } from "@/lib/errors";
import { csvFile } from "@/lib/trainer/csv";

const exportQuery = z.object({
  group: z.string().min(1).max(100).optional(),
  clientIds: z.array(z.string().min(1).max(100)).max(500, "Export at most 500 clients at once."),
});

/**
 * The clients table as CSV: every client, a group (?group=), or the ticked ones (?clientIds=…);
 * ?history=1 gives week-by-week rows instead. 401 signed out, 403 for a learner, 400 for a bad
 * query; another trainer's group or client is simply not in the file.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const trainerId = await requireTrainer(await requireUser());
    const params = new URL(request.url).searchParams;
    const parsed = exportQuery.safeParse({
      group: params.get("group") || undefined,
      clientIds: params.getAll("clientIds"),
    });
    const history = params.get("history") === "1";
    if (!parsed.success)
      throw new ValidationError(parsed.error.issues[0]?.message ?? "This export address is not valid.");
    const now = new Date();
    const filter = {
      group: parsed.data.group,
      clientIds: parsed.data.clientIds.length ? parsed.data.clientIds : undefined,
    };
    const csv = history
      ? await clientsHistoryCsv(trainerId, now, filter)
      : await clientsCsv(trainerId, now, filter);
    const kind = history ? "history" : "clients";
    return new Response(csvFile(csv), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="retain-${kind}-${now.toISOString().slice(0, 10)}.csv"`,
        // Clients' progress is personal data: never kept by a browser or proxy cache.
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

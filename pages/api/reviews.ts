import type { NextApiRequest, NextApiResponse } from "next";
import { allowMethods, assertNodeSameOrigin, readNodeJson, sendError, sendJson } from "@/lib/api/node-route";
import { assertSessionCurrent, readApiToken } from "@/lib/auth/api-session";
import { recordReview } from "@/lib/data/reviews";
import { toWire } from "@/lib/study/session-data";
import { reviewSubmissionSchema } from "@/lib/validations/review";

/**
 * POST /api/reviews records one answer from a study session (idempotent by key; 409 when the
 * card changed). It is the app's hottest request, so it is a Pages Router API route: Next hands
 * it the Node request and response, where a route handler would wrap both bodies in web streams
 * (about half of a review's CPU, issue 18). It checks what every route handler checks, with the
 * same functions (lib/api/node-route.ts). The study page's other routes stay in app/api.
 */
export const config = { api: { bodyParser: false } };

export default async function reviews(request: NextApiRequest, response: NextApiResponse) {
  if (!allowMethods(request, response, ["POST"])) return;
  try {
    assertNodeSameOrigin(request);
    const token = await readApiToken(request);
    // An ended session is a 401 even with a bad body; a good body has it checked in the review's read.
    const input = await readNodeJson(request, reviewSubmissionSchema).catch(async (error: unknown) => {
      await assertSessionCurrent(token);
      throw error;
    });
    const result = await recordReview(token.id, input, new Date(), {
      session: { version: token.sessionVersion },
    });
    sendJson(response, 200, { ...result, schedule: toWire(result.schedule) });
  } catch (error) {
    sendError(response, error);
  }
}

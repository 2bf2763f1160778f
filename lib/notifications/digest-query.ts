import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { localClock } from "./clock";

/**
 * Every SQL statement of the learner digest, in one module (issue 19), written once for SQLite and
 * PostgreSQL: Prisma's $queryRaw with tagged templates (parameters bound, never spliced), quoted
 * camelCase identifiers, CAST on every parameter whose type PostgreSQL could not infer, and only
 * syntax both accept (WITH … AS (VALUES …), COALESCE, ||, COUNT … GROUP BY). No statement runs per
 * learner: one reads the distinct time zones, one counts due cards and near deadlines for every
 * recipient at once, one lists those deadlines.
 */

/** A deadline is near when it falls within this long after now. */
export const DEADLINE_HORIZON_MS = 3 * 86_400_000;
/** The digest hour of a learner who never chose one. */
export const DEFAULT_DIGEST_HOUR = 8;

export interface DigestRecipient {
  userId: string;
  name: string;
  email: string;
  timeZone: string;
  /** The recipient's local date: the digest's idempotency key is per recipient and this day. */
  day: string;
  /** Email as well as the in-app notification. */
  emailOn: boolean;
  /** Introduced cards (not retired) due now. */
  dueCards: number;
  /** Live assignments whose due date is within DEADLINE_HORIZON_MS. */
  deadlines: NearDeadline[];
}

export interface NearDeadline {
  deckTitle: string;
  dueAt: Date;
}

interface Slot {
  timeZone: string;
  hour: number;
  day: string;
}

type Db = Pick<PrismaClient, "$queryRaw">;

const toDate = (value: Date | string) =>
  value instanceof Date ? value : new Date(value.includes("T") ? value : `${value.replace(" ", "T")}Z`);
const isTrue = (value: unknown) => value === true || value === 1 || value === 1n;

/**
 * For each time zone learners use, the hour and date it is there now. A learner is due a digest
 * when it is their chosen hour in their zone; the job runs several times an hour, so the key
 * (recipient, local date) is what keeps it to one a day.
 */
async function slotsAt(db: Db, now: Date): Promise<Slot[]> {
  const zones = await db.$queryRaw<{ tz: string }[]>`
    SELECT DISTINCT COALESCE(s."timeZone", 'UTC') AS tz
    FROM "User" u LEFT JOIN "StudySettings" s ON s."userId" = u.id
    WHERE u.role = 'learner'`;
  return zones.map(({ tz }) => {
    const clock = localClock(now, tz);
    return { timeZone: tz, hour: clock.hour, day: clock.date };
  });
}

/**
 * The recipients whose digest hour it is, who want the digest, have not had today's (its
 * notification is written last, see deliver; an email that failed or was left pending counts as
 * not had), and have something to be told: cards due or a deadline within three days.
 */
export async function digestRecipients(db: Db, now: Date): Promise<DigestRecipient[]> {
  const slots = await slotsAt(db, now);
  if (slots.length === 0) return [];
  const horizon = new Date(now.getTime() + DEADLINE_HORIZON_MS);
  const values = Prisma.join(
    slots.map(
      (slot) =>
        Prisma.sql`(CAST(${slot.timeZone} AS TEXT), CAST(${slot.hour} AS INTEGER), CAST(${slot.day} AS TEXT))`,
    ),
  );
  // Recipients first (a handful of time zones match the hour), then grouped counts over them only.
  const recipients = Prisma.sql`slot(tz, hour, day) AS (VALUES ${values}),
    recipient AS (
      SELECT u.id, u.name, u.email, slot.tz, slot.day, COALESCE(n."email", TRUE) AS "emailOn"
      FROM "User" u
      LEFT JOIN "StudySettings" s ON s."userId" = u.id
      LEFT JOIN "NotificationSettings" n ON n."userId" = u.id
      JOIN slot ON slot.tz = COALESCE(s."timeZone", 'UTC')
        AND slot.hour = COALESCE(n."digestHour", ${DEFAULT_DIGEST_HOUR})
      WHERE u.role = 'learner' AND COALESCE(n."digest", TRUE) = TRUE
        AND (NOT EXISTS (SELECT 1 FROM "Notification" done
            WHERE done."dedupeKey" = 'digest:' || u.id || ':' || slot.day)
          OR EXISTS (SELECT 1 FROM "EmailMessage" unsent
            WHERE unsent."dedupeKey" = 'digest:' || u.id || ':' || slot.day AND unsent.status IN ('failed', 'pending')))
    ),
    near AS (
      SELECT a."clientId" AS "userId", d.title AS "deckTitle", a."dueAt"
      FROM recipient r
      JOIN "Assignment" a ON a."clientId" = r.id
      JOIN "TrainerClient" tc ON tc."trainerId" = a."trainerId" AND tc."clientId" = a."clientId"
      JOIN "Deck" d ON d.slug = a."deckSlug"
      WHERE a."removedAt" IS NULL AND tc."endedAt" IS NULL AND a."dueAt" > ${now} AND a."dueAt" <= ${horizon}
    )`;
  const [counts, near] = await Promise.all([
    db.$queryRaw<
      {
        id: string;
        name: string;
        email: string;
        tz: string;
        day: string;
        emailOn: unknown;
        dueCards: bigint | number;
      }[]
    >`
      WITH ${recipients},
      due AS (
        SELECT cs."userId", COUNT(*) AS cards
        FROM recipient r
        JOIN "CardState" cs ON cs."userId" = r.id
        JOIN "Card" c ON c.id = cs."cardId"
        WHERE cs.state <> 'new' AND cs.due <= ${now} AND c.retired = FALSE
        GROUP BY cs."userId"
      )
      SELECT r.id, r.name, r.email, r.tz, r.day, r."emailOn", COALESCE(due.cards, 0) AS "dueCards"
      FROM recipient r LEFT JOIN due ON due."userId" = r.id
      WHERE due.cards > 0 OR EXISTS (SELECT 1 FROM near WHERE near."userId" = r.id)`,
    db.$queryRaw<{ userId: string; deckTitle: string; dueAt: Date | string }[]>`
      WITH ${recipients}
      SELECT "userId", "deckTitle", "dueAt" FROM near ORDER BY "dueAt"`,
  ]);
  const deadlines = new Map<string, NearDeadline[]>();
  for (const row of near) {
    const list = deadlines.get(row.userId) ?? [];
    list.push({ deckTitle: row.deckTitle, dueAt: toDate(row.dueAt) });
    deadlines.set(row.userId, list);
  }
  return counts.map((row) => ({
    userId: row.id,
    name: row.name,
    email: row.email,
    timeZone: row.tz,
    day: row.day,
    emailOn: isTrue(row.emailOn),
    dueCards: Number(row.dueCards),
    deadlines: deadlines.get(row.id) ?? [],
  }));
}

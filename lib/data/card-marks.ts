import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { query, type Tx } from "@/lib/query";
import { isTrue, parseSqlDate } from "@/lib/query/values";
import { DEFAULT_LEARNER_SETTINGS, newCardSchedule, nextStudyDayStart } from "@/lib/srs";
import { type LeechRule, leechMarksUndone, leechRuleOf } from "@/lib/srs/leech";
import type { CardMarkChange } from "@/lib/validations/card-marks";
import { visibleDeckWhere } from "./deck-access";
import { scheduleColumns } from "./reviews/write";

export interface CardMarks {
  cardId: string;
  suspended: boolean;
  buriedUntil: Date | null;
  flag: number;
  leech: boolean;
}

/**
 * Suspends, buries or flags one card for one learner. Marks live on the learner's CardState row;
 * a never-seen card gets a row in state "new" (version 0, what the study page expects of a new
 * card). Marks are not schedule: the version is left alone, so no open study tab goes stale.
 * Someone else's personal card does not exist for this learner (404).
 */
export async function markCard(userId: string, cardId: string, change: CardMarkChange, now: Date) {
  const card = await db.card.findFirst({
    where: { id: cardId, retired: false, deck: { retired: false, ...(await visibleDeckWhere(userId)) } },
    select: { id: true },
  });
  if (!card) throw new NotFoundError("This card does not exist or was retired.");
  const data: { suspended?: boolean; buriedUntil?: Date | null; flag?: number } = {};
  if (change.suspended !== undefined) data.suspended = change.suspended;
  if (change.flag !== undefined) data.flag = change.flag;
  if (change.buried !== undefined) {
    // Buried until the learner's next study day begins (their time zone and rollover hour).
    const settings = await db.studySettings.findUnique({
      where: { userId },
      select: { timeZone: true, dayRolloverHour: true },
    });
    const { timeZone, dayRolloverHour } = settings ?? DEFAULT_LEARNER_SETTINGS;
    data.buriedUntil = change.buried ? nextStudyDayStart(now, timeZone, dayRolloverHour) : null;
  }
  // A write of progress: through the query builder, like every other CardState write.
  const row = await query()
    .insertInto("CardState")
    .values({
      userId,
      cardId,
      ...scheduleColumns(newCardSchedule(now)),
      version: 0,
      introducedAt: now,
      ...data,
    })
    .onConflict((conflict) =>
      conflict
        .columns(["userId", "cardId"])
        .doUpdateSet(Object.keys(data).length > 0 ? data : { flag: (eb) => eb.ref("CardState.flag") }),
    )
    .returning(["cardId", "suspended", "buriedUntil", "flag", "leech"])
    .executeTakeFirstOrThrow();
  return {
    cardId: row.cardId,
    suspended: isTrue(row.suspended),
    buriedUntil: row.buriedUntil === null ? null : parseSqlDate(row.buriedUntil),
    flag: Number(row.flag),
    leech: isTrue(row.leech),
  } satisfies CardMarks;
}

/** The learner's leech rule (lib/srs/leech), for the settings page. */
export async function getLeechRule(userId: string): Promise<LeechRule> {
  return leechRuleOf(
    (await db.studySettings.findUnique({
      where: { userId },
      select: { leechThreshold: true, leechAction: true },
    })) ?? undefined,
  );
}

export async function saveLeechRule(userId: string, rule: LeechRule): Promise<void> {
  const data = { leechThreshold: rule.threshold, leechAction: rule.action };
  await db.studySettings.upsert({ where: { userId }, update: data, create: { userId, ...data } });
}

/**
 * The same change on several cards (the card browser's ticked rows). Every card must be one the
 * learner can study, checked before anything is written, else nothing changes (404).
 */
export async function markCards(userId: string, cardIds: string[], change: CardMarkChange, now: Date) {
  const ids = [...new Set(cardIds)];
  const visible = await db.card.count({
    where: { id: { in: ids }, retired: false, deck: { retired: false, ...(await visibleDeckWhere(userId)) } },
  });
  if (visible !== ids.length) throw new NotFoundError("Some of these cards do not exist or were retired.");
  for (const id of ids) await markCard(userId, id, change, now);
  return ids.length;
}

/**
 * Inside an undo's transaction: an undone answer that made the card a leech takes its marks
 * back off (lib/srs/leech `leechMarksUndone`). Only an undone lapse costs the settings read.
 */
export async function undoLeechMarks(
  tx: Tx,
  userId: string,
  cardId: string,
  lapses: { before: number; after: number },
): Promise<void> {
  if (lapses.after <= lapses.before) return;
  const settings = await tx
    .selectFrom("StudySettings")
    .select(["leechThreshold", "leechAction"])
    .where("userId", "=", userId)
    .executeTakeFirst();
  const marks = leechMarksUndone(lapses.before, lapses.after, leechRuleOf(settings));
  if (!marks || Object.keys(marks).length === 0) return;
  await tx
    .updateTable("CardState")
    .set(marks)
    .where("userId", "=", userId)
    .where("cardId", "=", cardId)
    .execute();
}

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReviewLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'study',
    "rating" INTEGER NOT NULL,
    "reviewedAt" DATETIME NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "stateBefore" TEXT NOT NULL,
    "dueBefore" DATETIME NOT NULL,
    "lastReviewBefore" DATETIME,
    "stabilityBefore" REAL NOT NULL,
    "difficultyBefore" REAL NOT NULL,
    "scheduledDaysBefore" INTEGER NOT NULL,
    "learningStepsBefore" INTEGER NOT NULL,
    "dueAfter" DATETIME NOT NULL,
    "stabilityAfter" REAL NOT NULL,
    "difficultyAfter" REAL NOT NULL,
    "cardVersion" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ReviewLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewLog_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReviewLog" ("cardId", "difficultyAfter", "difficultyBefore", "dueAfter", "dueBefore", "durationMs", "id", "idempotencyKey", "lastReviewBefore", "learningStepsBefore", "origin", "rating", "reviewedAt", "scheduledDaysBefore", "stabilityAfter", "stabilityBefore", "stateBefore", "userId") SELECT "cardId", "difficultyAfter", "difficultyBefore", "dueAfter", "dueBefore", "durationMs", "id", "idempotencyKey", "lastReviewBefore", "learningStepsBefore", "origin", "rating", "reviewedAt", "scheduledDaysBefore", "stabilityAfter", "stabilityBefore", "stateBefore", "userId" FROM "ReviewLog";
DROP TABLE "ReviewLog";
ALTER TABLE "new_ReviewLog" RENAME TO "ReviewLog";
CREATE INDEX "ReviewLog_userId_reviewedAt_idx" ON "ReviewLog"("userId", "reviewedAt");
CREATE INDEX "ReviewLog_userId_cardId_reviewedAt_idx" ON "ReviewLog"("userId", "cardId", "reviewedAt");
CREATE UNIQUE INDEX "ReviewLog_userId_idempotencyKey_key" ON "ReviewLog"("userId", "idempotencyKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Existing answers get their order within each card (by time, then insertion).
UPDATE "ReviewLog" SET "cardVersion" = (
    SELECT COUNT(*) FROM "ReviewLog" AS earlier
    WHERE earlier."userId" = "ReviewLog"."userId" AND earlier."cardId" = "ReviewLog"."cardId"
      AND (earlier."reviewedAt" < "ReviewLog"."reviewedAt"
           OR (earlier."reviewedAt" = "ReviewLog"."reviewedAt" AND earlier.rowid <= "ReviewLog".rowid))
);

-- CreateTable
CREATE TABLE "FsrsParameterSet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "deckSlug" TEXT,
    "version" INTEGER NOT NULL,
    "weights" TEXT NOT NULL,
    "reviewCount" INTEGER NOT NULL,
    "cardCount" INTEGER NOT NULL,
    "logLossBefore" REAL,
    "rmseBefore" REAL,
    "logLossAfter" REAL,
    "rmseAfter" REAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" DATETIME,
    "discardedAt" DATETIME,
    CONSTRAINT "FsrsParameterSet_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FsrsParameterSet_deckSlug_fkey" FOREIGN KEY ("deckSlug") REFERENCES "Deck" ("slug") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OptimizationJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "deckSlug" TEXT,
    "status" TEXT NOT NULL,
    "progress" REAL NOT NULL DEFAULT 0,
    "reviewCount" INTEGER,
    "parameterSetId" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OptimizationJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Card" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deckSlug" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "front" TEXT NOT NULL,
    "back" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "topic" TEXT,
    "sources" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "retired" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Card_deckSlug_fkey" FOREIGN KEY ("deckSlug") REFERENCES "Deck" ("slug") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Card" ("back", "deckSlug", "evidence", "front", "id", "kind", "position", "retired", "sources", "topic") SELECT "back", "deckSlug", "evidence", "front", "id", "kind", "position", "retired", "sources", "topic" FROM "Card";
DROP TABLE "Card";
ALTER TABLE "new_Card" RENAME TO "Card";
CREATE INDEX "Card_deckSlug_position_idx" ON "Card"("deckSlug", "position");
CREATE TABLE "new_CardState" (
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "lastReview" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "introducedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "cardId"),
    CONSTRAINT "CardState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CardState_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CardState" ("cardId", "difficulty", "due", "introducedAt", "lapses", "lastReview", "learningSteps", "reps", "scheduledDays", "stability", "state", "userId", "version") SELECT "cardId", "difficulty", "due", "introducedAt", "lapses", "lastReview", "learningSteps", "reps", "scheduledDays", "stability", "state", "userId", "version" FROM "CardState";
DROP TABLE "CardState";
ALTER TABLE "new_CardState" RENAME TO "CardState";
CREATE INDEX "CardState_userId_due_idx" ON "CardState"("userId", "due");
CREATE TABLE "new_Deck" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "retired" BOOLEAN NOT NULL DEFAULT false,
    "ownerId" TEXT,
    "createdAt" DATETIME,
    CONSTRAINT "Deck_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Deck" ("description", "position", "retired", "slug", "title") SELECT "description", "position", "retired", "slug", "title" FROM "Deck";
DROP TABLE "Deck";
ALTER TABLE "new_Deck" RENAME TO "Deck";
CREATE INDEX "Deck_ownerId_idx" ON "Deck"("ownerId");
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
    CONSTRAINT "ReviewLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewLog_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReviewLog" ("cardId", "difficultyAfter", "difficultyBefore", "dueAfter", "dueBefore", "durationMs", "id", "idempotencyKey", "lastReviewBefore", "learningStepsBefore", "origin", "rating", "reviewedAt", "scheduledDaysBefore", "stabilityAfter", "stabilityBefore", "stateBefore", "userId") SELECT "cardId", "difficultyAfter", "difficultyBefore", "dueAfter", "dueBefore", "durationMs", "id", "idempotencyKey", "lastReviewBefore", "learningStepsBefore", "origin", "rating", "reviewedAt", "scheduledDaysBefore", "stabilityAfter", "stabilityBefore", "stateBefore", "userId" FROM "ReviewLog";
DROP TABLE "ReviewLog";
ALTER TABLE "new_ReviewLog" RENAME TO "ReviewLog";
CREATE INDEX "ReviewLog_userId_reviewedAt_idx" ON "ReviewLog"("userId", "reviewedAt");
CREATE INDEX "ReviewLog_userId_cardId_reviewedAt_idx" ON "ReviewLog"("userId", "cardId", "reviewedAt");
CREATE UNIQUE INDEX "ReviewLog_userId_idempotencyKey_key" ON "ReviewLog"("userId", "idempotencyKey");
CREATE TABLE "new_StudySettings" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "desiredRetention" REAL NOT NULL DEFAULT 0.9,
    "newPerDay" INTEGER NOT NULL DEFAULT 10,
    "maxReviewsPerDay" INTEGER NOT NULL DEFAULT 200,
    "maximumInterval" INTEGER NOT NULL DEFAULT 36500,
    "learningSteps" TEXT NOT NULL DEFAULT '["1m","10m"]',
    "relearningSteps" TEXT NOT NULL DEFAULT '["10m"]',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "dayRolloverHour" INTEGER NOT NULL DEFAULT 4,
    "enableFuzz" BOOLEAN NOT NULL DEFAULT true,
    "quizFeedsSchedule" BOOLEAN NOT NULL DEFAULT true,
    "parameterSetId" TEXT,
    CONSTRAINT "StudySettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StudySettings_parameterSetId_fkey" FOREIGN KEY ("parameterSetId") REFERENCES "FsrsParameterSet" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_StudySettings" ("dayRolloverHour", "desiredRetention", "enableFuzz", "learningSteps", "maxReviewsPerDay", "maximumInterval", "newPerDay", "quizFeedsSchedule", "relearningSteps", "timeZone", "userId") SELECT "dayRolloverHour", "desiredRetention", "enableFuzz", "learningSteps", "maxReviewsPerDay", "maximumInterval", "newPerDay", "quizFeedsSchedule", "relearningSteps", "timeZone", "userId" FROM "StudySettings";
DROP TABLE "StudySettings";
ALTER TABLE "new_StudySettings" RENAME TO "StudySettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "FsrsParameterSet_scope_deckSlug_idx" ON "FsrsParameterSet"("scope", "deckSlug");

-- CreateIndex
CREATE UNIQUE INDEX "FsrsParameterSet_ownerId_version_key" ON "FsrsParameterSet"("ownerId", "version");

-- CreateIndex
CREATE INDEX "OptimizationJob_userId_createdAt_idx" ON "OptimizationJob"("userId", "createdAt");

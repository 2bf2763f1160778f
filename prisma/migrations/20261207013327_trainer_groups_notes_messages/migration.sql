-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "message" TEXT;

-- CreateTable
CREATE TABLE "TrainerGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trainerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "TrainerGroup_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrainerNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trainerId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "TrainerNote_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TrainerNote_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClientMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trainerId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "readAt" DATETIME,
    CONSTRAINT "ClientMessage_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClientMessage_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_TrainerClient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trainerId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "invitationId" TEXT,
    "shareQuizAnswers" BOOLEAN NOT NULL DEFAULT true,
    "linkedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "endedBy" TEXT,
    "groupId" TEXT,
    CONSTRAINT "TrainerClient_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TrainerClient_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TrainerClient_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "TrainerInvitation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "TrainerClient_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "TrainerGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_TrainerClient" ("clientId", "endedAt", "endedBy", "id", "invitationId", "linkedAt", "shareQuizAnswers", "trainerId") SELECT "clientId", "endedAt", "endedBy", "id", "invitationId", "linkedAt", "shareQuizAnswers", "trainerId" FROM "TrainerClient";
DROP TABLE "TrainerClient";
ALTER TABLE "new_TrainerClient" RENAME TO "TrainerClient";
CREATE INDEX "TrainerClient_clientId_idx" ON "TrainerClient"("clientId");
CREATE INDEX "TrainerClient_trainerId_groupId_idx" ON "TrainerClient"("trainerId", "groupId");
CREATE UNIQUE INDEX "TrainerClient_trainerId_clientId_key" ON "TrainerClient"("trainerId", "clientId");
CREATE TABLE "new_TrainerInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trainerId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "maxUses" INTEGER NOT NULL DEFAULT 1,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "groupId" TEXT,
    CONSTRAINT "TrainerInvitation_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TrainerInvitation_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "TrainerGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_TrainerInvitation" ("code", "createdAt", "expiresAt", "id", "maxUses", "revokedAt", "trainerId", "uses") SELECT "code", "createdAt", "expiresAt", "id", "maxUses", "revokedAt", "trainerId", "uses" FROM "TrainerInvitation";
DROP TABLE "TrainerInvitation";
ALTER TABLE "new_TrainerInvitation" RENAME TO "TrainerInvitation";
CREATE UNIQUE INDEX "TrainerInvitation_code_key" ON "TrainerInvitation"("code");
CREATE INDEX "TrainerInvitation_trainerId_createdAt_idx" ON "TrainerInvitation"("trainerId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "TrainerGroup_trainerId_name_key" ON "TrainerGroup"("trainerId", "name");

-- CreateIndex
CREATE INDEX "TrainerNote_trainerId_clientId_createdAt_idx" ON "TrainerNote"("trainerId", "clientId", "createdAt");

-- CreateIndex
CREATE INDEX "ClientMessage_clientId_createdAt_idx" ON "ClientMessage"("clientId", "createdAt");

-- CreateIndex
CREATE INDEX "ClientMessage_trainerId_createdAt_idx" ON "ClientMessage"("trainerId", "createdAt");

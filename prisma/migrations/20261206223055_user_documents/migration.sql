-- CreateTable
CREATE TABLE "UserDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT,
    "body" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "warnings" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deckSlug" TEXT,
    CONSTRAINT "UserDocument_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UserDocument_deckSlug_fkey" FOREIGN KEY ("deckSlug") REFERENCES "Deck" ("slug") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DraftItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "evidenceReason" TEXT,
    "origin" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DraftItem_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "UserDocument" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "UserDocument_deckSlug_key" ON "UserDocument"("deckSlug");

-- CreateIndex
CREATE INDEX "UserDocument_ownerId_createdAt_idx" ON "UserDocument"("ownerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "UserDocument_ownerId_sha256_key" ON "UserDocument"("ownerId", "sha256");

-- CreateIndex
CREATE INDEX "DraftItem_documentId_position_idx" ON "DraftItem"("documentId", "position");

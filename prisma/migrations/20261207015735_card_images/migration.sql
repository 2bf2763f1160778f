-- CreateTable
CREATE TABLE "CardImage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CardImage_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AddColumn (additive: the Card table is not rebuilt)
ALTER TABLE "Card" ADD COLUMN "imageId" TEXT REFERENCES "CardImage" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Card_imageId_idx" ON "Card"("imageId");

-- CreateIndex
CREATE UNIQUE INDEX "CardImage_ownerId_sha256_key" ON "CardImage"("ownerId", "sha256");

-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "imageId" TEXT;

-- CreateTable
CREATE TABLE "CardImage" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CardImage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CardImage_ownerId_sha256_key" ON "CardImage"("ownerId", "sha256");

-- CreateIndex
CREATE INDEX "Card_imageId_idx" ON "Card"("imageId");

-- AddForeignKey
ALTER TABLE "Card" ADD CONSTRAINT "Card_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "CardImage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardImage" ADD CONSTRAINT "CardImage_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
